/** A piece of text, marked when it falls inside one of the given ranges. */
export interface Segment<K> {
  text: string;
  start: number;
  /** The kind of the range covering this piece, or null for plain text. */
  kind: K | null;
}

/**
 * Cuts `text` into consecutive segments along `[start, end)` ranges (query tokens, search hits),
 * so React can render each as a text node — never as HTML. Overlapping or out-of-bounds ranges
 * are clipped; the segments always join back into `text`.
 *
 * @example
 * splitRanges('vigie AND prix', [{ start: 6, end: 9, kind: 'operator' }]);
 * // [{text:'vigie ',kind:null,…}, {text:'AND',kind:'operator',…}, {text:' prix',kind:null,…}]
 */
export function splitRanges<K>(text: string, ranges: readonly { start: number; end: number; kind: K }[]): Segment<K>[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const segments: Segment<K>[] = [];
  let cursor = 0;
  for (const range of sorted) {
    const start = Math.max(range.start, cursor);
    const end = Math.min(range.end, text.length);
    if (end <= start) continue;
    if (start > cursor) segments.push({ text: text.slice(cursor, start), start: cursor, kind: null });
    segments.push({ text: text.slice(start, end), start, kind: range.kind });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), start: cursor, kind: null });
  return segments;
}

/**
 * Shortens long text to about `max` characters, centred on `focus` (the first highlight) so a
 * match deep in an article stays visible. Returns the excerpt and its offset in the original.
 *
 * @example
 * excerpt('a'.repeat(500) + 'vigie', 40, 500).text; // '…aaaa…vigie'
 */
export function excerpt(text: string, max: number, focus = 0): { text: string; offset: number } {
  if (text.length <= max) return { text, offset: 0 };
  const start = Math.max(0, Math.min(focus - Math.floor(max / 3), text.length - max));
  const end = Math.min(text.length, start + max);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  return { text: prefix + text.slice(start, end) + suffix, offset: start - prefix.length };
}
