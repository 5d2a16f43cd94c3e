/**
 * The backtest: stored history replayed through the same engine as live mode, in time order,
 * evaluating every 5 minutes, and reporting which episodes would have opened and when.
 * Points before `from` only build the baseline (warm-up); nothing is reported for them.
 */
import { AppError } from '../errors';
import type { AlertPoint, LocalizedText } from './alert-point';
import type { AlertRule } from './alert-rule';
import { createAlertEngine, type AlertEngineOptions } from './alert-engine';
import type { Episode, EpisodeExplanation, EpisodeKind } from './episode';
import { MINUTE_MS } from './time-buckets';

export interface BacktestOptions extends Omit<AlertEngineOptions, 'rules'> {
  from: string;
  to: string;
  /** Minutes between evaluations (default 5, as in live mode). */
  stepMinutes?: number;
}

/**
 * One episode as `vigie alerts backtest --json` prints it.
 *
 * @example
 * { topic: 'Velotys Ondine', kind: 'crisis', startedAt: '…07:40:00.000Z', detectedAt: '…07:55:00.000Z',
 *   explanation: { fr: 'Crise sur « Velotys Ondine »…', en: 'Crisis on "Velotys Ondine"…' } }
 */
export interface BacktestEpisode {
  topic: string;
  kind: EpisodeKind;
  startedAt: string;
  detectedAt: string;
  /** What the notification said when the episode opened (headline and summary). */
  explanation: LocalizedText;
  ruleId: string;
  /** When it closed (undefined when still open at `to`). */
  closedAt?: string;
  /** The post-mortem: the explanation at its last revision (closing, or `to`). */
  details: EpisodeExplanation;
}

function check(options: BacktestOptions): { from: number; to: number; step: number } {
  const from = Date.parse(options.from);
  const to = Date.parse(options.to);
  const step = (options.stepMinutes ?? 5) * MINUTE_MS;
  const problems: { field: string; message: string }[] = [];
  if (Number.isNaN(from)) problems.push({ field: 'from', message: 'expected an ISO date / date ISO attendue' });
  if (Number.isNaN(to)) problems.push({ field: 'to', message: 'expected an ISO date / date ISO attendue' });
  if (!Number.isNaN(from) && !Number.isNaN(to) && to <= from) problems.push({ field: 'to', message: 'must be after from / doit suivre from' });
  if (!Number.isInteger(options.stepMinutes ?? 5) || step < MINUTE_MS || step > 60 * MINUTE_MS) problems.push({ field: 'stepMinutes', message: 'expected 1..60 / entre 1 et 60' });
  if (problems.length > 0) throw new AppError('validation_failed', 'Invalid backtest range / période de backtest invalide', problems);
  return { from, to, step };
}

/**
 * @example
 * const episodes = runBacktest(points, rules, { from: '2026-10-27T00:00:00Z', to: '2026-11-26T00:00:00Z', timeZone: 'Europe/Paris' });
 * episodes[0]; // { topic: 'Velotys Ondine', kind: 'crisis', startedAt, detectedAt, explanation }
 */
export function runBacktest(points: readonly AlertPoint[], rules: readonly AlertRule[], options: BacktestOptions): BacktestEpisode[] {
  const { from, to, step } = check(options);
  const sorted = points
    .map((point) => ({ point, ms: Date.parse(point.publishedAt) }))
    .filter((p) => !Number.isNaN(p.ms) && p.ms < to)
    .sort((a, b) => a.ms - b.ms);
  const engine = createAlertEngine({ ...options, rules, historyStartMs: options.historyStartMs ?? (sorted[0] ? sorted[0].ms : from) });
  const first = new Map<string, Episode>();
  const last = new Map<string, Episode>();
  let next = 0;
  const firstTick = Math.ceil(from / step) * step;
  for (let tick = firstTick; tick <= to; tick += step) {
    while (next < sorted.length && (sorted[next]?.ms ?? to) < tick) {
      const entry = sorted[next];
      if (entry) engine.addPoint(entry.point);
      next += 1;
    }
    for (const event of engine.evaluate(tick)) {
      if (!first.has(event.episode.id)) first.set(event.episode.id, event.episode);
      last.set(event.episode.id, event.episode);
    }
  }
  return [...first.values()]
    .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt))
    .map((episode) => {
      const final = last.get(episode.id) ?? episode;
      return {
        topic: options.scopeNames?.get(`${episode.scope.kind}:${episode.scope.id}`) ?? episode.scope.id,
        kind: episode.kind,
        startedAt: episode.startedAt,
        detectedAt: episode.detectedAt,
        explanation: { fr: `${episode.explanation.headline.fr}. ${episode.explanation.text.fr}`, en: `${episode.explanation.headline.en}. ${episode.explanation.text.en}` },
        ruleId: episode.ruleId,
        closedAt: final.closedAt,
        details: final.explanation,
      };
    });
}
