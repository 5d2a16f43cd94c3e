import { decodeHTML } from 'entities';
import sanitize from 'sanitize-html';

/** Elements whose boundaries are line breaks in the text. */
const BLOCK_BOUNDARY = /<\/?(?:p|div|br|li|tr|h[1-6]|blockquote|pre|hr|dt|dd|figcaption|table|ul|ol|section|article|header|footer)\b[^>]*>/gi;

/**
 * Plain text from HTML (or from text that may contain entities): tags removed, script/style
 * contents dropped, entities decoded, block elements become line breaks, spaces collapsed.
 * The result is what analysis and full-text search read.
 *
 * @example
 * htmlToText('<p>Caf&eacute; <b>cr&egrave;me</b></p><p>Deux</p>'); // 'Café crème\nDeux'
 */
export function htmlToText(html: string): string {
  // Mark block boundaries before stripping so words from adjacent paragraphs do not fuse.
  const marked = html.replace(BLOCK_BOUNDARY, (tag) => `\n${tag}`);
  const stripped = sanitize(marked, {
    allowedTags: [],
    allowedAttributes: {},
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'head', 'title'],
  });
  // sanitize-html re-escapes text (&amp;, &lt;…); decode once to get the characters back.
  return decodeHTML(stripped)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
