/**
 * A small inline SVG line chart for digests (no dependency, no script, names escaped). Clients
 * that do not render SVG (some webmails) fall back to the figures table the digest always has.
 */
import { escapeHtml } from './escape-markup';

export interface ChartSeries {
  name: string;
  /** `#rrggbb`; anything else is replaced by a palette colour. */
  color?: string;
  values: readonly number[];
}

const PALETTE = ['#2563eb', '#dc2626', '#0f766e', '#7c3aed', '#ea580c', '#ca8a04'];

/**
 * @example
 * svgLineChart([{ name: 'Velotys', values: [3, 5, 40, 12] }], ['lun.', 'mar.', 'mer.', 'jeu.']); // '<svg …>…</svg>'
 */
export function svgLineChart(series: readonly ChartSeries[], labels: readonly string[], width = 560, height = 180): string {
  const pad = { left: 36, right: 8, top: 8, bottom: 40 };
  const points = Math.max(2, ...series.map((s) => s.values.length));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => pad.left + (i * (width - pad.left - pad.right)) / (points - 1);
  const y = (v: number) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const lines = series.map((s, index) => {
    const color = /^#[0-9a-f]{6}$/i.test(s.color ?? '') ? s.color : PALETTE[index % PALETTE.length];
    const d = s.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    return `<path d="${d}" fill="none" stroke="${color}" stroke-width="2"/>`;
  });
  const legend = series.map((s, index) => {
    const color = /^#[0-9a-f]{6}$/i.test(s.color ?? '') ? s.color : PALETTE[index % PALETTE.length];
    return `<text x="${pad.left + index * 110}" y="${height - 6}" font-size="11" fill="${color}">■ ${escapeHtml(s.name.slice(0, 16))}</text>`;
  });
  const ticks = labels.map((label, i) => `<text x="${x(i).toFixed(1)}" y="${height - pad.bottom + 14}" font-size="10" text-anchor="middle" fill="#64748b">${escapeHtml(label)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img">`,
    `<line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}" stroke="#cbd5e1"/>`,
    `<text x="4" y="${pad.top + 10}" font-size="10" fill="#64748b">${max}</text>`,
    ...lines,
    ...ticks,
    ...legend,
    '</svg>',
  ].join('');
}
