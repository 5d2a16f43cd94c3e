/**
 * The alert engine: points in, episode events out. It keeps the rollups and a day of raw points
 * per scope, runs each rule's detectors at every evaluation (normally every 5 minutes, and only
 * for scopes that received points or have an episode going), groups signals into episodes and
 * moves episodes through their life: open → updated → calming → closed. Pure: the caller feeds
 * time in, so live mode and the backtest run the same code.
 */
import { scopeKey, scopesOf, type AlertPoint, type AlertScope } from './alert-point';
import type { AlertRule } from './alert-rule';
import { detectFastSpread } from './detectors/detect-fast-spread';
import { detectHighReachAuthor } from './detectors/detect-high-reach-author';
import { detectNegativeSurge } from './detectors/detect-negative-surge';
import { detectRisingTerm } from './detectors/detect-rising-term';
import { detectVolumeSpike } from './detectors/detect-volume-spike';
import type { DetectorKind, Signal } from './detectors/signal';
import type { Episode, EpisodeEvent, SentimentShares } from './episode';
import { createTrack, ruleIdOf, stepEpisode, type EpisodeContext, type EpisodeTrack } from './episode-tracker';
import { explainEpisode } from './explain-episode';
import { createRollup, type Rollup, type RollupRow } from './rollup';
import { createScopeMemory, type ScopeMemory } from './scope-memory';
import { expectedCount, type BaselineOptions } from './seasonal-baseline';
import type { Sensitivity } from './sensitivity';
import { bucketStart, DAY_MS, HOUR_MS, MINUTE_MS, WEEK_MS } from './time-buckets';

export interface AlertEngineOptions {
  rules: readonly AlertRule[];
  /** Zone of the buckets and of the seasonal baseline (the workspace's). Default UTC. */
  timeZone?: string;
  /** When watching started: hours before it are unknown, not silent. Default: the first point. */
  historyStartMs?: number;
  /** Display names of scopes for explanations (default: the id). */
  scopeNames?: ReadonlyMap<string, string>;
  /** Folded words of each scope's own queries, never reported as rising terms. */
  scopeTerms?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface AlertEngine {
  /** Counts a point; returns the rollup rows it changed (for the store to upsert). */
  addPoint(point: AlertPoint): RollupRow[];
  /** Runs the detectors at `now` (ms); returns what happened to episodes. */
  evaluate(now: number): EpisodeEvent[];
  /** Replaces the rules (edits take effect at the next evaluation; episodes of removed rules are dropped). */
  setRules(rules: readonly AlertRule[]): void;
  /** Episodes open or calming. */
  activeEpisodes(): Episode[];
  readonly rollup: Rollup;
}

const FIVE_MIN = 5 * MINUTE_MS;
/**
 * @example
 * const engine = createAlertEngine({ rules, timeZone: 'Europe/Paris' });
 * engine.addPoint(point);
 * const events = engine.evaluate(Date.now()); // [{ type: 'opened', episode: { kind: 'crisis', … } }]
 */
export function createAlertEngine(options: AlertEngineOptions): AlertEngine {
  const timeZone = options.timeZone ?? 'UTC';
  const rollup = createRollup({ timeZone });
  const memories = new Map<string, ScopeMemory>();
  const fresh = new Map<string, AlertPoint[]>();
  const tracks = new Map<string, EpisodeTrack>();
  let rules = [...options.rules];
  let historyStartMs = options.historyStartMs;
  let lastPruneDay = 0;

  function memoryOf(key: string): ScopeMemory {
    let memory = memories.get(key);
    if (!memory) {
      memory = createScopeMemory();
      memories.set(key, memory);
    }
    return memory;
  }

  function baseline(): BaselineOptions {
    return { historyStartMs: historyStartMs ?? 0, alignHour: (ms) => bucketStart(ms, '1h', timeZone) };
  }

  function usualShares(scope: AlertScope, now: number): SentimentShares {
    const sums = { count: 0, negative: 0, neutral: 0, positive: 0 };
    const to = bucketStart(now - 2 * HOUR_MS, '1h', timeZone);
    for (const bucket of rollup.series(scope, '1h', to - WEEK_MS, to)) {
      sums.count += bucket.count;
      sums.negative += bucket.negative;
      sums.neutral += bucket.neutral;
      sums.positive += bucket.positive;
    }
    // A light prior (4 neutral mentions) keeps a scope with little history away from 0 % and 100 %.
    const n = sums.count + 4;
    return { negative: sums.negative / n, neutral: (sums.neutral + 4) / n, positive: sums.positive / n };
  }

  function usualReach(memory: ScopeMemory, now: number): number {
    const reaches = memory.points(now - DAY_MS, now).map((p) => p.reach).sort((a, b) => a - b);
    return reaches[Math.floor(reaches.length / 2)] ?? 0;
  }

  function detect(scope: AlertScope, detector: DetectorKind, sensitivity: Sensitivity, now: number, cache: Map<string, Signal | undefined>): Signal | undefined {
    const key = `${scopeKey(scope)}|${detector}|${sensitivity}`;
    if (cache.has(key)) return cache.get(key);
    const memory = memoryOf(scopeKey(scope));
    const hourly = (ms: number) => rollup.bucket(scope, '1h', ms).count;
    // Bucket detectors read whole 5-minute buckets: in live mode `now` falls inside one, which then counts as the last.
    const bucketEnd = bucketStart(now - 1, '5m', timeZone) + FIVE_MIN;
    let signal: Signal | undefined;
    switch (detector) {
      case 'volume_spike':
        signal = detectVolumeSpike({ scope, now: bucketEnd, sensitivity, hourly, baseline: baseline(), fiveMinute: (ms) => rollup.bucket(scope, '5m', ms).count });
        break;
      case 'negative_surge':
        signal = detectNegativeSurge({
          scope, now: bucketEnd, sensitivity, hourly, baseline: baseline(), fiveMinute: (ms) => rollup.bucket(scope, '5m', ms),
          // A getter: the 7-day share costs 168 bucket reads and is only needed past the minimum count.
          get usualNegativeShare() {
            return usualShares(scope, now).negative;
          },
        });
        break;
      case 'high_reach_author': {
        const points = fresh.get(scopeKey(scope)) ?? [];
        signal = points.length === 0 ? undefined : detectHighReachAuthor({ scope, now, sensitivity, fresh: points, usualReach: usualReach(memory, now) });
        break;
      }
      case 'fast_spread':
        signal = detectFastSpread({ scope, now, sensitivity, recent: memory.points(now - HOUR_MS, now) });
        break;
      case 'rising_term':
        signal = detectRisingTerm({
          scope, now, sensitivity, window: memory.termWindow(now), history: memory.termHistory(), ignore: options.scopeTerms?.get(scopeKey(scope)),
        });
        break;
    }
    cache.set(key, signal);
    return signal;
  }

  const context: EpisodeContext = {
    classify(scope, startedMs, signals, now) {
      const during = memoryOf(scopeKey(scope)).points(startedMs, now);
      const negative = during.filter((p) => p.sentiment === 'negative').length / Math.max(1, during.length);
      const usual = usualShares(scope, startedMs).negative;
      const surge = signals.some((s) => s.detector === 'negative_surge');
      return surge || (negative >= 0.35 && negative >= usual + 0.2) ? 'crisis' : 'buzz';
    },
    explain(scope, kind, startedMs, signals, now) {
      const key = scopeKey(scope);
      const memory = memoryOf(key);
      return explainEpisode({
        kind,
        scopeName: options.scopeNames?.get(key) ?? scope.id,
        startedAtMs: startedMs,
        now,
        timeZone,
        during: memory.points(startedMs, now),
        earlier: memory.points(now - DAY_MS, startedMs),
        usual: usualShares(scope, startedMs),
        termHistory: memory.termHistory(),
        ignoreTerms: options.scopeTerms?.get(key),
        signals,
        fiveMinuteCounts: rollup.series(scope, '5m', bucketStart(startedMs - HOUR_MS, '5m', timeZone), now).map((b) => b.count),
      });
    },
    hourVolume(scope, now) {
      const end = bucketStart(now - 1, '5m', timeZone) + FIVE_MIN;
      let observed = 0;
      for (let start = end - HOUR_MS; start < end; start += FIVE_MIN) observed += rollup.bucket(scope, '5m', start).count;
      const expected = expectedCount((ms) => rollup.bucket(scope, '1h', ms).count, end - HOUR_MS, end, baseline()) ?? 0;
      return { observed, expected };
    },
  };

  return {
    rollup,
    addPoint(point) {
      const ms = Date.parse(point.publishedAt);
      historyStartMs ??= bucketStart(ms, '1h', timeZone);
      for (const scope of scopesOf(point)) {
        const key = scopeKey(scope);
        memoryOf(key).add(point, ms);
        const list = fresh.get(key) ?? [];
        list.push(point);
        fresh.set(key, list);
      }
      return rollup.addPoint(point);
    },
    evaluate(now) {
      for (const memory of memories.values()) memory.advance(now);
      const cache = new Map<string, Signal | undefined>();
      const events: EpisodeEvent[] = [];
      for (const rule of rules) {
        if (!rule.enabled) continue;
        const key = `${ruleIdOf(rule)}|${scopeKey(rule.scope)}`;
        let track = tracks.get(key);
        const active = fresh.has(scopeKey(rule.scope)) || (track && (track.episode || track.pending.length > 0));
        if (!active) continue;
        if (!track) {
          track = createTrack();
          tracks.set(key, track);
        }
        const signals = rule.detectors.map((d) => detect(rule.scope, d, rule.sensitivity, now, cache)).filter((s): s is Signal => s !== undefined);
        const event = stepEpisode(rule, track, signals, now, context);
        if (event) events.push(event);
      }
      fresh.clear();
      const day = Math.floor(now / DAY_MS);
      if (day !== lastPruneDay) {
        lastPruneDay = day;
        rollup.prune('5m', now - 2 * DAY_MS);
        rollup.prune('1h', now - 5 * WEEK_MS);
      }
      return events;
    },
    setRules(next) {
      rules = [...next];
      const keys = new Set(rules.map((r) => `${ruleIdOf(r)}|${scopeKey(r.scope)}`));
      for (const key of tracks.keys()) if (!keys.has(key)) tracks.delete(key);
    },
    activeEpisodes() {
      return [...tracks.values()].flatMap((t) => (t.episode ? [structuredClone(t.episode)] : []));
    },
  };
}
