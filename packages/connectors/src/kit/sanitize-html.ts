import { createHash } from 'node:crypto';
import sanitize from 'sanitize-html';

/**
 * The allow-list for ingested HTML shown in Vigie: structure and text formatting only. No scripts,
 * no styles, no event handlers, no forms or frames, no javascript:/data: URLs (sanitize-html
 * drops any attribute not listed and any scheme not allowed).
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em',
    'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol',
    'p', 'pre', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
    'time', 'tr', 'u', 'ul',
  ],
  allowedAttributes: {
    // rel and target are always overwritten by the transform below, never taken from the source.
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    time: ['datetime'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Contents of these are dropped entirely, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...withAbsoluteUrl(attribs, 'href', /^(?:https?|mailto):$/), rel: 'nofollow noopener noreferrer', target: '_blank' },
    }),
    img: (tagName, attribs) => ({ tagName, attribs: withAbsoluteUrl(attribs, 'src', /^https?:$/) }),
  },
  // An image whose address was refused shows nothing: drop the element rather than keep an empty <img>.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/**
 * Keeps a link only when it is absolute with an allowed scheme. Relative links are dropped too:
 * shown inside Vigie they would point at Vigie itself (`<img src="/api/…">`), not at the source.
 */
function withAbsoluteUrl(attribs: sanitize.Attributes, name: string, schemes: RegExp): sanitize.Attributes {
  const value = attribs[name];
  if (value === undefined) return attribs;
  let allowed = false;
  try {
    allowed = schemes.test(new URL(value.trim()).protocol);
  } catch {
    allowed = false;
  }
  return Object.fromEntries(Object.entries(attribs).filter(([key]) => key !== name || allowed));
}

/**
 * Makes ingested HTML safe to render: a strict allow-list, links marked
 * `rel="nofollow noopener noreferrer"`, only absolute http(s) (and mailto) addresses. Connectors
 * resolve relative links against the page before sanitising.
 *
 * @example
 * sanitizeHtml('<p onclick="x()">Salut <script>alert(1)</script><a href="javascript:alert(1)">lien</a></p>');
 * // '<p>Salut <a rel="nofollow noopener noreferrer" target="_blank">lien</a></p>'
 */
export function sanitizeHtml(html: string): string {
  const clean = sanitize(html, OPTIONS);
  remember(clean);
  return clean;
}

/** Outputs of `sanitizeHtml` seen lately (SHA-256), so the ingest's second pass skips what a connector just cleaned. */
const recent = new Set<string>();
const RECENT_MAX = 10_000;
const digest = (html: string): string => createHash('sha256').update(html).digest('base64url');

function remember(clean: string): void {
  const key = digest(clean);
  recent.delete(key);
  recent.add(key);
  if (recent.size > RECENT_MAX) recent.delete(recent.values().next().value as string);
}

/**
 * `sanitizeHtml`, skipped when `html` is exactly what it returned lately (a connector sanitised it
 * moments ago): the result is the same, at a hash's cost instead of a parse.
 *
 * @example
 * const html = sanitizeHtml(feedItem.description); // connector
 * sanitizeHtmlOnce(html) === html;                   // ingest: no second parse
 */
export function sanitizeHtmlOnce(html: string): string {
  return recent.has(digest(html)) ? html : sanitizeHtml(html);
}
