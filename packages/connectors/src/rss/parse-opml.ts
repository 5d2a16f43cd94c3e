import { XMLValidator } from 'fast-xml-parser';
import { parseOpml as parseOpmlDocument, type Opml } from 'feedsmith';

/**
 * What an OPML import yields: the feeds found and, for what could not be used, where and why.
 *
 * @example
 * { feeds: [{ url: 'https://blog.example/feed', title: 'Blog' }], errors: [{ line: 12, message: 'outline "Sans adresse" has no xmlUrl' }] }
 */
export interface OpmlImport {
  feeds: { url: string; title: string }[];
  errors: { line: number; message: string }[];
}

type Outline = Opml.Outline<string>;

/** Line of the first `<outline … xmlUrl="value"` (or text) in the source, for error messages. */
function lineOf(xml: string, needle: string | undefined): number {
  if (needle === undefined || needle === '') return 0;
  const at = xml.indexOf(needle);
  return at < 0 ? 0 : xml.slice(0, at).split('\n').length;
}

/**
 * Parses an OPML 1.0/2.0 subscription list (http://opml.org/spec2.opml), walking nested folders.
 * Outlines without a usable http(s) `xmlUrl` are reported with their line; duplicates are kept once.
 * A document that is not XML yields one error with the validator's line.
 *
 * @example
 * const { feeds, errors } = parseOpml(await file.text());
 */
export function parseOpml(xml: string): OpmlImport {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    return { feeds: [], errors: [{ line: verdict.err.line, message: `invalid OPML (XML error at column ${verdict.err.col}: ${verdict.err.msg})` }] };
  }
  let document: Opml.Document<string>;
  try {
    document = parseOpmlDocument(xml);
  } catch (error) {
    return { feeds: [], errors: [{ line: 1, message: `not an OPML document: ${(error as Error).message}` }] };
  }
  const feeds: OpmlImport['feeds'] = [];
  const errors: OpmlImport['errors'] = [];
  const seen = new Set<string>();
  const visit = (outlines: Outline[] | undefined): void => {
    for (const outline of outlines ?? []) {
      const children = outline.outlines;
      const xmlUrl = outline.xmlUrl?.trim();
      const label = outline.title ?? outline.text ?? '';
      if (xmlUrl === undefined || xmlUrl === '') {
        if (children === undefined || children.length === 0) {
          if (outline.type === 'rss' || outline.type === 'atom') errors.push({ line: lineOf(xml, `"${label}"`), message: `outline "${label}" has no xmlUrl` });
        }
      } else if (!/^https?:\/\//i.test(xmlUrl) || !URL.canParse(xmlUrl)) {
        errors.push({ line: lineOf(xml, xmlUrl), message: `outline "${label}": "${xmlUrl}" is not an http(s) URL` });
      } else if (!seen.has(xmlUrl)) {
        seen.add(xmlUrl);
        feeds.push({ url: xmlUrl, title: label || new URL(xmlUrl).hostname });
      }
      visit(children);
    }
  };
  visit(document.body?.outlines);
  return { feeds, errors };
}
