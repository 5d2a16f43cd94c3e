/**
 * Incremental rollups: per topic and per query, counts at 5-minute, hourly and daily buckets,
 * updated one point at a time so that detection and dashboards never scan raw mentions.
 *
 * `authors` is EXACT within a process (a set of handles per bucket). The store persists only the
 * number; after `load`, a handle seen again in a bucket that was reloaded counts once more — an
 * over-count bounded by one still-open bucket, which is acceptable for alerting.
 */
import { scopeKey, scopesOf, type AlertPoint, type AlertScope, type ScopeKind } from './alert-point';
import { bucketStart, GRANULARITIES, granularityMs, type Granularity } from './time-buckets';

/**
 * One row as the store persists it (primary key: scope, scopeId, granularity, bucketStart).
 *
 * @example
 * { scope: 'topic', scopeId: 't1', granularity: '1h', bucketStart: '2026-11-17T07:00:00.000Z',
 *   count: 42, authors: 37, negative: 30, positive: 2, neutral: 10, reach: 1250000 }
 */
export interface RollupRow {
  scope: ScopeKind;
  scopeId: string;
  granularity: Granularity;
  bucketStart: string;
  count: number;
  /** Distinct author handles in the bucket (exact, see the file header). */
  authors: number;
  negative: number;
  positive: number;
  neutral: number;
  /** Sum of the points' estimated reach. */
  reach: number;
}

/** A bucket's figures, without its identity (what detectors read). */
export type BucketFigures = Pick<RollupRow, 'count' | 'authors' | 'negative' | 'positive' | 'neutral' | 'reach'>;

interface Cell extends BucketFigures {
  handles: Set<string> | null;
}

export interface RollupOptions {
  /** Wall-clock zone the buckets align on (default UTC). */
  timeZone?: string;
  granularities?: readonly Granularity[];
}

export interface Rollup {
  readonly timeZone: string;
  /**
   * Counts one point in every scope and granularity; returns the rows it changed, ready to upsert.
   * Each point must be added once (the store's unique key on mentions guarantees it).
   *
   * @example
   * const changed = rollup.addPoint(point); // 3 granularities × (topics + queries) rows
   */
  addPoint(point: AlertPoint): RollupRow[];
  /** Restores persisted rows (at start-up), replacing buckets with the same key. */
  load(rows: readonly RollupRow[]): void;
  /** Figures of one bucket (zeros when nothing was counted). */
  bucket(scope: AlertScope, granularity: Granularity, startMs: number): BucketFigures;
  /**
   * Dense series from `fromMs` (inclusive, floored to a bucket) to `toMs` (exclusive).
   * @example rollup.series({ kind: 'topic', id: 't1' }, '1h', from, to).map((b) => b.count);
   */
  series(scope: AlertScope, granularity: Granularity, fromMs: number, toMs: number): (BucketFigures & { startMs: number })[];
  /** Every row held, for a full export. */
  rows(): RollupRow[];
  /** Drops buckets of a granularity that start before `beforeMs` (memory stays bounded in live mode). */
  prune(granularity: Granularity, beforeMs: number): void;
}

const ZERO: BucketFigures = { count: 0, authors: 0, negative: 0, positive: 0, neutral: 0, reach: 0 };

/**
 * @example
 * const rollup = createRollup({ timeZone: 'Europe/Paris' });
 * rollup.addPoint(point);
 * rollup.bucket({ kind: 'topic', id: 't1' }, '1h', hourStart).count; // 1
 */
export function createRollup(options: RollupOptions = {}): Rollup {
  const timeZone = options.timeZone ?? 'UTC';
  const granularities = options.granularities ?? GRANULARITIES;
  /** scopeKey|granularity → bucket start (ms) → cell. */
  const tables = new Map<string, Map<number, Cell>>();
  /** The scope and granularity of each table, for exports (ids may contain any character). */
  const owners = new Map<string, { scope: AlertScope; granularity: Granularity }>();

  function table(scope: AlertScope, granularity: Granularity): Map<number, Cell> {
    const name = `${scopeKey(scope)}|${granularity}`;
    let found = tables.get(name);
    if (!found) {
      found = new Map();
      tables.set(name, found);
      owners.set(name, { scope, granularity });
    }
    return found;
  }

  function toRow(scope: AlertScope, granularity: Granularity, startMs: number, cell: BucketFigures): RollupRow {
    return {
      scope: scope.kind, scopeId: scope.id, granularity, bucketStart: new Date(startMs).toISOString(),
      count: cell.count, authors: cell.authors, negative: cell.negative, positive: cell.positive, neutral: cell.neutral, reach: cell.reach,
    };
  }

  return {
    timeZone,
    addPoint(point) {
      const ms = Date.parse(point.publishedAt);
      const changed: RollupRow[] = [];
      const starts = granularities.map((g) => bucketStart(ms, g, timeZone));
      for (const scope of scopesOf(point)) {
        granularities.forEach((granularity, index) => {
          const start = starts[index] ?? ms;
          const cells = table(scope, granularity);
          let cell = cells.get(start);
          if (!cell) {
            cell = { ...ZERO, handles: new Set() };
            cells.set(start, cell);
          }
          cell.count += 1;
          cell[point.sentiment] += 1;
          cell.reach += Math.max(0, point.reach || 0);
          if (cell.handles && !cell.handles.has(point.authorHandle)) cell.handles.add(point.authorHandle);
          cell.authors = cell.handles ? cell.handles.size : cell.authors + 1;
          changed.push(toRow(scope, granularity, start, cell));
        });
      }
      return changed;
    },
    load(rows) {
      for (const row of rows) {
        const cells = table({ kind: row.scope, id: row.scopeId }, row.granularity);
        const { count, authors, negative, positive, neutral, reach } = row;
        cells.set(Date.parse(row.bucketStart), { count, authors, negative, positive, neutral, reach, handles: null });
      }
    },
    bucket(scope, granularity, startMs) {
      const cell = tables.get(`${scopeKey(scope)}|${granularity}`)?.get(startMs);
      if (!cell) return ZERO;
      const { count, authors, negative, positive, neutral, reach } = cell;
      return { count, authors, negative, positive, neutral, reach };
    },
    series(scope, granularity, fromMs, toMs) {
      const cells = tables.get(`${scopeKey(scope)}|${granularity}`);
      const out: (BucketFigures & { startMs: number })[] = [];
      const size = granularityMs(granularity);
      for (let start = bucketStart(fromMs, granularity, timeZone); start < toMs; ) {
        const cell = cells?.get(start) ?? ZERO;
        const { count, authors, negative, positive, neutral, reach } = cell;
        out.push({ startMs: start, count, authors, negative, positive, neutral, reach });
        // Days vary in length across a clock change: re-align rather than add 24 h blindly.
        start = granularity === '1d' ? bucketStart(start + size + 3 * 3_600_000, granularity, timeZone) : start + size;
      }
      return out;
    },
    rows() {
      const out: RollupRow[] = [];
      for (const [name, cells] of tables) {
        const owner = owners.get(name);
        if (!owner) continue;
        for (const [start, cell] of cells) out.push(toRow(owner.scope, owner.granularity, start, cell));
      }
      return out;
    },
    prune(granularity, beforeMs) {
      for (const [name, cells] of tables) {
        if (owners.get(name)?.granularity !== granularity) continue;
        for (const start of cells.keys()) if (start < beforeMs) cells.delete(start);
      }
    },
  };
}
