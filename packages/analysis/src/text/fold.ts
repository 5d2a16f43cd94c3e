/**
 * Text folding: lower case without diacritics, so "Éte", "ete" and "été" compare equal.
 * Analyzers match lexicons on folded text; users still see the original surface form.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', '’': "'", 'ʼ': "'", '‘': "'" };
const LIGATURE_PATTERN = /[œæß’ʼ‘]/g;

/**
 * Lower-cases, removes diacritics and expands ligatures. ASCII input takes a fast path.
 *
 * @example
 * foldText("Cœur ÉTÉ l’été") // → "coeur ete l'ete"
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (isAscii(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURE_PATTERN, (c) => LIGATURES[c] ?? c);
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/**
 * Text that analyzers read is capped: a 1 MB post is analysed on its first characters so that
 * every analyzer stays within its time budget whatever it is given.
 */
export const MAX_ANALYSED_CHARS = 10_000;

/**
 * Keeps the first `MAX_ANALYSED_CHARS` characters and drops NUL/control bytes from binary garbage.
 *
 * @example
 * clampText('a\u0000b') // → 'a b'
 */
export function clampText(text: unknown, max = MAX_ANALYSED_CHARS): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  const head = text.length > max ? text.slice(0, max) : text;
  // eslint-disable-next-line no-control-regex -- binary garbage: control characters become spaces
  return head.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ' ');
}
