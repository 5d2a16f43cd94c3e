/**
 * Backtest on stored history: replays a workspace's stored mentions (topics, queries and
 * sentiment as stored at ingest) through the same detectors as live mode, with the workspace's
 * enabled rules — or, when it has none, one rule per topic with every detector — and reports which
 * episodes would have opened and when. Used by `POST /api/alerts/backtest` and `vigie alerts backtest`.
 */
import { AppError, DETECTOR_KINDS, extractTerms, parseAlertRule, runBacktest, type AlertPoint, type AlertRule, type BacktestEpisode, type Store } from '@vigie/core';
import { alertPointOf } from '../workers/alert-point-of';
import { ALERT_TIME_ZONE } from '../workers/alert-worker';

const DAY_MS = 86_400_000;
/** History read before `from` so the seasonal baseline has its 4 weeks (and a margin). */
const BASELINE_DAYS = 35;
const PAGE = 1_000;
/** Stored mentions one backtest may replay (memory stays bounded). */
const MAX_MENTIONS = 500_000;

export interface AlertBacktestRequest {
  from: string;
  to: string;
  /** Wall clock of the buckets (default ALERT_TIME_ZONE, as live mode). */
  timeZone?: string;
}

/**
 * @example
 * const episodes = await backtestStoredHistory(vigie.store, workspaceId, { from: '2026-10-27T00:00:00Z', to: '2026-11-26T00:00:00Z' });
 * episodes[0]; // { topic: 'Velotys Ondine', kind: 'crisis', startedAt, detectedAt, explanation, … }
 */
export async function backtestStoredHistory(store: Store, workspaceId: string, request: AlertBacktestRequest): Promise<BacktestEpisode[]> {
  const from = Date.parse(request.from);
  const to = Date.parse(request.to);
  if (Number.isNaN(from) || Number.isNaN(to) || to <= from) {
    // runBacktest gives the precise field; checked first so nothing is read for a bad range.
    runBacktest([], [], { from: request.from, to: request.to });
  }
  const topics = await store.topics.list(workspaceId);
  const stored = (await store.alertRules.list(workspaceId)).filter((r) => r.enabled);
  const rules: AlertRule[] =
    stored.length > 0
      ? stored
      : topics.map((t) => parseAlertRule({ id: `topic-${t.id}`, name: t.name, scope: { kind: 'topic', id: t.id }, detectors: [...DETECTOR_KINDS], channels: [{ kind: 'in_app' }] }));

  const points: AlertPoint[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.mentions.list(
      workspaceId,
      { since: new Date(from - BASELINE_DAYS * DAY_MS).toISOString(), until: new Date(to).toISOString() },
      { limit: PAGE, cursor },
    );
    for (const mention of page.items) if (mention.topicIds.length > 0) points.push(alertPointOf(mention));
    cursor = page.nextCursor ?? undefined;
    if (points.length > MAX_MENTIONS) {
      throw new AppError('validation_failed', `More than ${MAX_MENTIONS} mentions to replay: choose a shorter range`, [
        { field: 'from', message: 'range too long / période trop longue' },
      ]);
    }
  } while (cursor);
  // Listed newest first; the engine wants time order.
  points.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));

  const scopeNames = new Map<string, string>();
  const scopeTerms = new Map<string, Set<string>>();
  for (const topic of topics) {
    scopeNames.set(`topic:${topic.id}`, topic.name);
    scopeTerms.set(`topic:${topic.id}`, new Set(topic.queries.flatMap((q) => extractTerms(q.text))));
    for (const query of topic.queries) {
      scopeNames.set(`query:${query.id}`, `${topic.name} — ${query.name ?? query.text}`);
      scopeTerms.set(`query:${query.id}`, new Set(extractTerms(query.text)));
    }
  }
  return runBacktest(points, rules, { from: request.from, to: request.to, timeZone: request.timeZone ?? ALERT_TIME_ZONE, scopeNames, scopeTerms });
}
