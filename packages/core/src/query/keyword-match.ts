/**
 * Matching of whole-value fields (`lang:`, `connector:`, `country:`, `site:`, `url:`) against a
 * document. Plain string comparisons: no tokenisation, no regular expressions.
 */
import type { MatchableDocument } from '../ports/matcher';
import type { KeywordField } from './query-ast';

/** Host of a URL, lower case, without user info or port; '' when there is none. */
export function hostOf(url: string | undefined): string {
  if (!url) return '';
  const scheme = url.indexOf('://');
  let rest = scheme >= 0 ? url.slice(scheme + 3) : url;
  for (const stop of ['/', '?', '#']) {
    const at = rest.indexOf(stop);
    if (at >= 0) rest = rest.slice(0, at);
  }
  const user = rest.lastIndexOf('@');
  if (user >= 0) rest = rest.slice(user + 1);
  const port = rest.lastIndexOf(':');
  if (port >= 0 && !rest.endsWith(']')) rest = rest.slice(0, port);
  return rest.toLowerCase();
}

/** The host a `site:` value designates (`https://www.Example.com/x` → `www.example.com`). */
export function siteOf(value: string): string {
  return hostOf(value.includes('://') ? value : `x://${value}`);
}

/**
 * Whether a document satisfies `field:value` (value already lower case).
 *
 * @example
 * matchesKeyword('lang', 'fr', { text: '', lang: 'fr-CA' }); // true
 * matchesKeyword('site', 'example.com', { text: '', url: 'https://blog.example.com/a' }); // true
 */
export function matchesKeyword(field: KeywordField, value: string, doc: MatchableDocument): boolean {
  switch (field) {
    case 'lang': {
      const lang = doc.lang?.toLowerCase();
      return lang !== undefined && (lang === value || lang.startsWith(`${value}-`) || lang.startsWith(`${value}_`));
    }
    case 'connector':
      return doc.connector?.toLowerCase() === value;
    case 'country':
      return doc.country?.toLowerCase() === value;
    case 'site': {
      const host = hostOf(doc.url);
      const site = siteOf(value);
      return host !== '' && site !== '' && (host === site || host.endsWith(`.${site}`));
    }
    case 'url':
      return doc.url !== undefined && doc.url.toLowerCase().includes(value);
  }
}
