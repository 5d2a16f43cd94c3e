import type { Source, Store } from '@vigie/core';
import type { Logger } from '../logger';
import type { PollSourceResult } from '../jobs/poll-source.job';

export interface SourcePollerOptions {
  store: Store;
  poll(source: Source): Promise<PollSourceResult>;
  log: Logger;
  now(): Date;
  concurrency: number;
  /** How often due sources are looked up. */
  tickMs?: number;
  /** How long a claimed source stays reserved to this worker if it dies mid-poll. */
  leaseMs?: number;
}

/**
 * Polls due sources in the background, a few at a time. A source already being polled (by a
 * tick or by "fetch now") is never polled twice at once.
 */
export function createSourcePoller(options: SourcePollerOptions) {
  const inFlight = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = false;

  async function runOne(source: Source): Promise<PollSourceResult | undefined> {
    if (inFlight.has(source.id)) return undefined;
    inFlight.add(source.id);
    try {
      return await options.poll(source);
    } finally {
      inFlight.delete(source.id);
    }
  }

  async function tick(): Promise<void> {
    const free = options.concurrency - inFlight.size;
    if (free <= 0) return;
    // Claiming (not just listing) lets several worker processes share one PostgreSQL database.
    const due = (await options.store.sources.claimDue(options.now(), free, options.leaseMs ?? 10 * 60_000)).filter((s) => !inFlight.has(s.id));
    await Promise.all(due.map((source) => runOne(source)));
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      ticking = tick()
        .catch((error: unknown) => options.log.error({ err: error }, 'source poller tick failed'))
        .finally(schedule);
    }, options.tickMs ?? 5_000);
  }

  return {
    start(): void {
      stopped = false;
      schedule();
    },
    /** Polls one source now (the API's "fetch now"); undefined if it is already running. */
    runOne,
    /** Runs one pass immediately (tests, `vigie fetch`). */
    tick,
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await ticking;
    },
  };
}

export type SourcePoller = ReturnType<typeof createSourcePoller>;
