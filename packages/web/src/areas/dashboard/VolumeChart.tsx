import type { StatsOverview } from '@vigie/client';
import { useTranslation } from 'react-i18next';

type Day = StatsOverview['byDay'][number];

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 40 };
const STACK = ['positive', 'neutral', 'negative'] as const;

/** A round step for the vertical axis so grid lines read 0, 5, 10… rather than 0, 7.3, 14.6… */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude * 4 >= value) ?? 10;
  return step * magnitude * 4;
}

/** Mentions per day, stacked by sentiment, drawn as plain SVG (no chart library needed yet). */
export function VolumeChart({ days, locale }: { days: Day[]; locale: string }) {
  const { t } = useTranslation();
  const max = niceMax(Math.max(...days.map((d) => d.count), 0));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / days.length;
  const barW = Math.max(2, Math.min(24, slot * 0.7));
  const y = (n: number): number => PAD.top + plotH - (n / max) * plotH;
  const dayLabel = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const labelEvery = Math.ceil(days.length / 8);
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('dashboard.volumeLabel')}>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(max * f)} y2={y(max * f)} />
            <text className="axis" x={PAD.left - 6} y={y(max * f) + 4} textAnchor="end">
              {Math.round(max * f)}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          let base = 0;
          const label = dayLabel.format(new Date(`${d.day.slice(0, 10)}T00:00:00Z`));
          return (
            <g key={d.day}>
              <title>{`${label} — ${d.count} (${t('sentiment.positive')} ${d.positive}, ${t('sentiment.neutral')} ${d.neutral}, ${t('sentiment.negative')} ${d.negative})`}</title>
              {STACK.map((s) => {
                const top = y(base + d[s]);
                const h = y(base) - top;
                base += d[s];
                return h > 0 ? <rect key={s} className={`fill-${s}`} x={x} y={top} width={barW} height={h} rx="1.5" /> : null;
              })}
              {i % labelEvery === 0 && (
                <text className="axis" x={x + barW / 2} y={HEIGHT - 8} textAnchor="middle">
                  {label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {STACK.map((s) => (
          <span key={s}>
            <span className={`swatch fill-${s}`} aria-hidden="true" />
            {t(`sentiment.${s}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
