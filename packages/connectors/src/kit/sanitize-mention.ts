import type { Author, MentionInput } from '@vigie/core';
import { htmlToText } from './html-to-text';
import { sanitizeHtmlOnce } from './sanitize-html';

/** Element names (HTML, SVG, MathML) that make a string markup rather than text. */
const ELEMENTS =
  'a|abbr|address|animate|applet|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|foreignobject|form|frame|frameset|h[1-6]|head|header|hr|html|i|iframe|image|img|input|ins|isindex|kbd|label|legend|li|link|main|map|maction|mark|marquee|math|menu|meta|meter|mglyph|mtext|nav|noscript|object|ol|optgroup|option|output|p|param|picture|plaintext|pre|progress|q|rp|rt|ruby|s|samp|script|section|select|set|slot|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|use|var|video|wbr|xmp';
/** A known element's tag, an unknown tag with attributes (event handlers work on any element), a comment, CDATA or doctype. */
const MARKUP = new RegExp(`<\\s*\\/?\\s*(?:${ELEMENTS})(?=[\\s/>]|$)|<[a-zA-Z][\\w:.-]*[\\s/]+[^<>]*=|<!`, 'i');
/** Passes before a string that still looks like markup has its angle brackets neutralised. */
const MAX_PASSES = 3;

/**
 * Plain text from a field that is supposed to be text but may carry markup (a webhook push, an
 * imported CSV, a feed title): when it looks like HTML it becomes its visible text; otherwise it
 * is left exactly as written ("1 < 2", "Vec<String>", "<3" stay).
 *
 * @example
 * plainText('<b>Bonjour</b><script>alert(1)</script>'); // 'Bonjour'
 * plainText('1 < 2 && 3 > 2');                          // '1 < 2 && 3 > 2'
 */
export function plainText(value: string): string {
  let text = value;
  for (let pass = 0; pass < MAX_PASSES && MARKUP.test(text); pass += 1) text = htmlToText(text);
  // Entity-encoded markup decoded three times over: keep it readable, never parseable.
  return MARKUP.test(text) ? text.replace(/</g, '\u2039') : text;
}

/** An absolute http(s) link, or undefined: javascript:, data:, relative and malformed links are dropped. */
export function webLink(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function cleanAuthor(author: Author): Author {
  if (!author || typeof author !== 'object') return author;
  const cleaned: Author = { ...author };
  if (typeof author.handle === 'string') cleaned.handle = plainText(author.handle);
  if (typeof author.name === 'string') cleaned.name = plainText(author.name);
  for (const field of ['url', 'avatarUrl'] as const) {
    const link = typeof author[field] === 'string' ? webLink(author[field]) : undefined;
    if (link === undefined) delete cleaned[field];
    else cleaned[field] = link;
  }
  return cleaned;
}

/**
 * The last line of defence before a mention is stored, whatever brought it (connector, webhook
 * intake, file import, demo): `html` through the allow-list, text fields as plain text, links
 * http(s) only. Applied by the server's ingest; connectors still sanitise their own output.
 *
 * @example
 * sanitizeMentionInput({ ...input, url: 'javascript:alert(1)', text: '<img src=x onerror=alert(1)>Salut' });
 * // { ...input, text: 'Salut' } — url dropped
 */
export function sanitizeMentionInput(input: MentionInput): MentionInput {
  if (!input || typeof input !== 'object') return input;
  const cleaned: MentionInput = { ...input };
  if (typeof input.text === 'string') cleaned.text = plainText(input.text);
  if (typeof input.title === 'string') cleaned.title = plainText(input.title);
  if (typeof input.html === 'string') cleaned.html = sanitizeHtmlOnce(input.html);
  if (input.author) cleaned.author = cleanAuthor(input.author);
  const url = typeof input.url === 'string' ? webLink(input.url) : undefined;
  if (url === undefined) delete cleaned.url;
  else cleaned.url = url;
  return cleaned;
}
