/**
 * Labelled evaluation sets are `label<TAB>text` files whose tail, after a line starting with
 * `# --- held-out`, was written before the analyzer and never used to tune it. Splitting them here
 * lets `vigie eval` report the held-out figures apart from the development ones.
 */
import { parseLabelledTsv, type LabelledExample } from '../evaluate';

export interface LabelledSet {
  dev: LabelledExample[];
  heldOut: LabelledExample[];
}

/** The marker line that opens the held-out part of a set. */
export const HELD_OUT_MARKER = '# --- held-out';

/**
 * Parses a set and splits it at the held-out marker (no marker: everything is dev).
 * Throws `validation_failed` listing every bad line (from `parseLabelledTsv`).
 *
 * @example
 * splitLabelledSet('none\tBonjour\n# --- held-out\nrequest\tÇa marche ?', ['request', 'rhetorical', 'none'])
 * // → { dev: [{ label: 'none', … }], heldOut: [{ label: 'request', … }] }
 */
export function splitLabelledSet(content: string, labels: readonly string[]): LabelledSet {
  const examples = parseLabelledTsv(content, labels);
  const markerIndex = content.split(/\r?\n/).findIndex((line) => line.startsWith(HELD_OUT_MARKER));
  if (markerIndex < 0) return { dev: examples, heldOut: [] };
  const markerLine = markerIndex + 1;
  return {
    dev: examples.filter((e) => (e.line ?? 0) < markerLine),
    heldOut: examples.filter((e) => (e.line ?? 0) > markerLine),
  };
}
