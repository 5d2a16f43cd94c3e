/**
 * Labelled evaluation sets are `label<TAB>text` files whose tail, after a line starting with
 * `# --- held-out`, was written before the analyzer and never used to tune it. Splitting them here
 * lets `vigie eval` report the held-out figures apart from the development ones.
 */
import { parseLabelledTsv, type LabelledExample } from '../evaluate';

export interface LabelledSet {
  dev: LabelledExample[];
  heldOut: LabelledExample[];
  /** Each `# --- …` section in file order (e.g. the blind rounds), so that each can be reported apart. */
  sections: Array<{ title: string; split: 'dev' | 'heldOut'; examples: LabelledExample[] }>;
}

/** The marker line that opens the held-out part of a set. */
export const HELD_OUT_MARKER = '# --- held-out';

/**
 * Parses a set and splits it at the held-out marker (no marker: everything is dev).
 * Throws `validation_failed` listing every bad line (from `parseLabelledTsv`).
 *
 * @example
 * splitLabelledSet('none\tBonjour\n# --- held-out\nrequest\tÇa marche ?', ['request', 'rhetorical', 'none'])
 * // → { dev: [{ label: 'none', … }], heldOut: [{ label: 'request', … }], sections: [{ title: 'held-out', split: 'heldOut', … }] }
 */
export function splitLabelledSet(content: string, labels: readonly string[]): LabelledSet {
  const examples = parseLabelledTsv(content, labels);
  const lines = content.split(/\r?\n/);
  const markerIndex = lines.findIndex((line) => line.startsWith(HELD_OUT_MARKER));
  const markerLine = markerIndex < 0 ? Infinity : markerIndex + 1;
  const starts = lines.flatMap((line, i) => (line.startsWith('# ---') ? [{ line: i + 1, title: line.replace(/^#\s*-+\s*/, '').replace(/\s*-+\s*$/, '') }] : []));
  const sections = starts.map((start, i) => {
    const end = starts[i + 1]?.line ?? Infinity;
    return {
      title: start.title,
      split: start.line >= markerLine ? ('heldOut' as const) : ('dev' as const),
      examples: examples.filter((e) => (e.line ?? 0) > start.line && (e.line ?? 0) < end),
    };
  });
  return {
    dev: examples.filter((e) => (e.line ?? 0) < markerLine),
    heldOut: examples.filter((e) => (e.line ?? 0) > markerLine),
    sections,
  };
}
