/**
 * What the engine remembers of one scope besides rollups: the raw points of the last 24 hours
 * (for spreading posts, high-reach authors and explanations) and term counts per hour, with a
 * running 7-day aggregate so the rising-term detector never re-sums a week of hours.
 */
import type { AlertPoint } from './alert-point';
import type { TermWindow } from './detectors/detect-rising-term';
import { extractTerms } from './extract-terms';
import { DAY_MS, HOUR_MS, WEEK_MS } from './time-buckets';

interface HourTerms {
  terms: Map<string, number>;
  total: number;
}

export interface ScopeMemory {
  add(point: AlertPoint, ms: number): void;
  /** Moves the 7-day window to `now` and forgets points older than a day. */
  advance(now: number): void;
  /** Points published in [fromMs, toMs). */
  points(fromMs: number, toMs: number): AlertPoint[];
  /** Terms of the last hour before `now`. */
  termWindow(now: number): TermWindow;
  /** Term counts over the 7 days that end where the last hour starts. */
  termHistory(): { terms: ReadonlyMap<string, number>; total: number };
}

const RECENT_MS = DAY_MS;

/** Terms of a point: supplied by the ingest, or extracted from its text. */
export function termsOf(point: AlertPoint): string[] {
  return point.terms ?? extractTerms(point.text ?? '');
}

/** @example const memory = createScopeMemory(); memory.add(point, Date.parse(point.publishedAt)); */
export function createScopeMemory(): ScopeMemory {
  let recent: { point: AlertPoint; ms: number; terms: string[] }[] = [];
  let sorted = true;
  const hours = new Map<number, HourTerms>();
  const history = new Map<string, number>();
  let historyTotal = 0;
  /** Hours in [historyFrom, historyTo) are summed into `history`. */
  let historyFrom = Number.NEGATIVE_INFINITY;
  let historyTo = Number.NEGATIVE_INFINITY;

  function addTo(target: Map<string, number>, terms: Iterable<[string, number]>, sign: 1 | -1): void {
    for (const [term, count] of terms) {
      const next = (target.get(term) ?? 0) + sign * count;
      if (next > 0) target.set(term, next);
      else target.delete(term);
    }
  }

  function entries(fromMs: number, toMs: number): typeof recent {
    const out: typeof recent = [];
    for (let i = recent.length - 1; i >= 0; i -= 1) {
      const entry = recent[i];
      if (!entry) continue;
      if (sorted && entry.ms < fromMs) break;
      if (entry.ms >= fromMs && entry.ms < toMs) out.push(entry);
    }
    return out.reverse();
  }

  return {
    add(point, ms) {
      if (recent.length > 0 && ms < (recent[recent.length - 1]?.ms ?? ms)) sorted = false;
      const terms = termsOf(point);
      recent.push({ point, ms, terms });
      const hour = Math.floor(ms / HOUR_MS) * HOUR_MS;
      let bucket = hours.get(hour);
      if (!bucket) {
        bucket = { terms: new Map(), total: 0 };
        hours.set(hour, bucket);
      }
      bucket.total += 1;
      for (const term of terms) bucket.terms.set(term, (bucket.terms.get(term) ?? 0) + 1);
      if (hour >= historyFrom && hour < historyTo) {
        historyTotal += 1;
        addTo(history, terms.map((t) => [t, 1]), 1);
      }
    },
    advance(now) {
      if (!sorted) {
        recent.sort((a, b) => a.ms - b.ms);
        sorted = true;
      }
      let drop = 0;
      while (drop < recent.length && (recent[drop]?.ms ?? now) < now - RECENT_MS) drop += 1;
      if (drop > 0) recent = recent.slice(drop);
      const to = Math.floor((now - HOUR_MS) / HOUR_MS) * HOUR_MS;
      const from = to - WEEK_MS;
      // The 7-day window moves once an hour; in between there is nothing to re-sum.
      if (to === historyTo) return;
      if (historyTo === Number.NEGATIVE_INFINITY) {
        historyFrom = from;
        historyTo = from;
      }
      for (const [hour, bucket] of hours) {
        const inBefore = hour >= historyFrom && hour < historyTo;
        const inAfter = hour >= from && hour < to;
        if (inBefore === inAfter) continue;
        addTo(history, bucket.terms, inAfter ? 1 : -1);
        historyTotal += inAfter ? bucket.total : -bucket.total;
      }
      for (const hour of hours.keys()) if (hour < from) hours.delete(hour);
      historyFrom = from;
      historyTo = to;
    },
    points(fromMs, toMs) {
      return entries(fromMs, toMs).map((e) => e.point);
    },
    termWindow(now) {
      const terms = new Map<string, { count: number; authors: number }>();
      const authors = new Map<string, Set<string>>();
      const window = entries(now - HOUR_MS, now);
      for (const { point, terms: pointTerms } of window) {
        for (const term of pointTerms) {
          const entry = terms.get(term) ?? { count: 0, authors: 0 };
          entry.count += 1;
          const seen = authors.get(term) ?? new Set<string>();
          seen.add(point.authorHandle);
          authors.set(term, seen);
          entry.authors = seen.size;
          terms.set(term, entry);
        }
      }
      return { terms, total: window.length };
    },
    termHistory() {
      return { terms: history, total: historyTotal };
    },
  };
}
