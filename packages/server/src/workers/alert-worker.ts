/**
 * The live alert worker: one alert engine per workspace, fed from the mention bus after each
 * ingest batch (the ingest never waits for it), rollup deltas written in one batch per workspace,
 * episodes persisted, notifications enqueued in the outbox, and the outbox delivered every few
 * seconds. Rules are loaded from the store and reloaded when the API changes them.
 */
import {
  bucketStart,
  createAlertEngine,
  createRollup,
  extractTerms,
  type AlertEngine,
  type EpisodeEvent,
  type Mention,
  type Store,
  type StoredAlertRule,
} from '@vigie/core';
import type { MentionBus } from '../events/mention-bus';
import type { Logger } from '../logger';
import { createOutboxWorker, outboxEntriesFor, type NotificationChannel, type OutboxRun } from '../notify';
import { digestEntries } from '../jobs/alert-digest.job';
import { alertPointOf } from './alert-point-of';

const DAY_MS = 86_400_000;
/** Wall clock buckets and baselines align on until workspaces carry their own zone (French first). */
export const ALERT_TIME_ZONE = 'Europe/Paris';

export interface AlertWorkerOptions {
  store: Store;
  bus: MentionBus;
  log: Logger;
  now: () => Date;
  channels: readonly NotificationChannel[];
  /** Zone of buckets and baselines (default ALERT_TIME_ZONE). */
  timeZone?: string;
  /** Outbox delivery period (default 2 s). */
  outboxIntervalMs?: number;
  /** Evaluation without new mentions, so episodes calm down and close (default 60 s). */
  evaluateIntervalMs?: number;
  /** Link to the web UI in notifications. */
  appUrl?: string;
}

interface WorkspaceAlerts {
  engine: AlertEngine;
  rules: Map<string, StoredAlertRule>;
  scopeNames: Map<string, string>;
}

/**
 * @example
 * const alerts = createAlertWorker({ store, bus, log, now, channels: [inApp, email, webhooks] });
 * await alerts.start(); … await alerts.reloadRules(workspaceId); … await alerts.stop();
 */
export function createAlertWorker(options: AlertWorkerOptions) {
  const { store, log } = options;
  const timeZone = options.timeZone ?? ALERT_TIME_ZONE;
  const outbox = createOutboxWorker({ store: store.outbox, channels: options.channels });
  const workspaces = new Map<string, Promise<WorkspaceAlerts>>();
  const backlog: Mention[] = [];
  const digestDays = new Map<string, number>();
  // Every engine change runs on one chain: batches, evaluations and rule reloads never interleave.
  let chain: Promise<void> = Promise.resolve();
  let flushQueued = false;
  let delivering: Promise<OutboxRun | undefined> | undefined;
  let again = false;
  let timers: NodeJS.Timeout[] = [];
  let unsubscribe: (() => void) | undefined;

  function enqueueWork(work: () => Promise<void>): Promise<void> {
    chain = chain.then(work).catch((error: unknown) => log.error({ err: error }, 'alert worker step failed'));
    return chain;
  }

  async function loadWorkspace(workspaceId: string): Promise<WorkspaceAlerts> {
    const nowMs = options.now().getTime();
    const [rules, topics, hourly, fiveMinutes] = await Promise.all([
      store.alertRules.list(workspaceId),
      store.topics.list(workspaceId),
      store.rollups.listSince(workspaceId, '1h', new Date(nowMs - 35 * DAY_MS).toISOString()),
      store.rollups.listSince(workspaceId, '5m', new Date(nowMs - 2 * DAY_MS).toISOString()),
    ]);
    const scopeNames = new Map<string, string>();
    const scopeTerms = new Map<string, Set<string>>();
    for (const topic of topics) {
      const topicTerms = new Set<string>();
      for (const query of topic.queries) {
        const terms = new Set(extractTerms(query.text));
        for (const term of terms) topicTerms.add(term);
        scopeNames.set(`query:${query.id}`, `${topic.name} — ${query.name ?? query.text}`);
        scopeTerms.set(`query:${query.id}`, terms);
      }
      scopeNames.set(`topic:${topic.id}`, topic.name);
      scopeTerms.set(`topic:${topic.id}`, topicTerms);
    }
    const firstBucket = hourly[0]?.bucketStart;
    const engine = createAlertEngine({
      rules: rules.filter((r) => r.enabled),
      timeZone,
      // Hours before the first stored bucket are unknown, not silent (no false baseline of zeros).
      historyStartMs: firstBucket === undefined ? nowMs : Date.parse(firstBucket),
      scopeNames,
      scopeTerms,
    });
    engine.rollup.load([...hourly, ...fiveMinutes]);
    return { engine, rules: new Map(rules.map((r) => [r.id, r])), scopeNames };
  }

  function workspace(workspaceId: string): Promise<WorkspaceAlerts> {
    let loaded = workspaces.get(workspaceId);
    if (!loaded) {
      loaded = loadWorkspace(workspaceId);
      workspaces.set(workspaceId, loaded);
      loaded.catch(() => workspaces.delete(workspaceId));
    }
    return loaded;
  }

  async function handleEvents(workspaceId: string, state: WorkspaceAlerts, events: readonly EpisodeEvent[], nowMs: number): Promise<number> {
    let queued = 0;
    for (const event of events) {
      await store.episodes.save(workspaceId, event.episode);
      const rule = state.rules.get(event.episode.ruleId);
      if (!rule) continue;
      const scopeName = state.scopeNames.get(`${event.episode.scope.kind}:${event.episode.scope.id}`);
      queued += await store.outbox.enqueue(outboxEntriesFor(event, rule, { workspaceId, now: nowMs, scopeName, appUrl: options.appUrl }));
    }
    return queued;
  }

  async function flush(): Promise<void> {
    flushQueued = false;
    const batch = backlog.splice(0, backlog.length);
    const byWorkspace = new Map<string, Mention[]>();
    for (const mention of batch) {
      if (mention.topicIds.length === 0) continue;
      const list = byWorkspace.get(mention.workspaceId) ?? [];
      list.push(mention);
      byWorkspace.set(mention.workspaceId, list);
    }
    let queued = 0;
    for (const [workspaceId, mentions] of byWorkspace) {
      const state = await workspace(workspaceId);
      // The batch's own rollup holds the deltas to add to the stored buckets in one write.
      const deltas = createRollup({ timeZone });
      for (const mention of mentions) {
        const point = alertPointOf(mention);
        state.engine.addPoint(point);
        deltas.addPoint(point);
      }
      await store.rollups.increment(workspaceId, deltas.rows());
      const nowMs = options.now().getTime();
      queued += await handleEvents(workspaceId, state, state.engine.evaluate(nowMs), nowMs);
    }
    if (queued > 0) void deliver();
  }

  async function evaluateAll(): Promise<void> {
    const nowMs = options.now().getTime();
    const day = bucketStart(nowMs, '1d', timeZone);
    let queued = 0;
    for (const [workspaceId, loaded] of workspaces) {
      const state = await loaded;
      queued += await handleEvents(workspaceId, state, state.engine.evaluate(nowMs), nowMs);
      // Digests once a local day per process; the outbox key stops a second process sending them again.
      if (digestDays.get(workspaceId) !== day) {
        queued += await store.outbox.enqueue(await digestEntries(store, workspaceId, [...state.rules.values()], nowMs, timeZone));
        digestDays.set(workspaceId, day);
      }
    }
    if (queued > 0) void deliver();
  }

  /**
   * One outbox run at a time. Asked for while one is going, another run follows it, so entries
   * enqueued meanwhile leave at once instead of at the next tick.
   */
  function deliver(): Promise<OutboxRun | undefined> {
    if (delivering) {
      again = true;
      return delivering;
    }
    delivering = outbox
      .runOnce(options.now().getTime())
      .catch((error: unknown) => {
        log.error({ err: error }, 'outbox run failed');
        return undefined;
      })
      .finally(() => {
        delivering = undefined;
        if (again) {
          again = false;
          void deliver();
        }
      });
    return delivering;
  }

  return {
    /** Loads every workspace's rules and rollups, subscribes to the bus, starts the timers. */
    async start(): Promise<void> {
      if (unsubscribe) return;
      unsubscribe = options.bus.subscribe((mention) => {
        backlog.push(mention);
        if (!flushQueued) {
          flushQueued = true;
          void enqueueWork(flush);
        }
      });
      for (const ws of await store.workspaces.list()) await workspace(ws.id);
      timers = [
        setInterval(() => void deliver(), options.outboxIntervalMs ?? 2_000),
        setInterval(() => void enqueueWork(evaluateAll), options.evaluateIntervalMs ?? 60_000),
      ];
      for (const timer of timers) timer.unref();
    },
    /** Applies the stored rules of a workspace at the next evaluation (call after any rule change). */
    reloadRules(workspaceId: string): Promise<void> {
      return enqueueWork(async () => {
        const loaded = workspaces.get(workspaceId);
        if (!loaded) return;
        const state = await loaded;
        const rules = await store.alertRules.list(workspaceId);
        state.rules = new Map(rules.map((r) => [r.id, r]));
        state.engine.setRules(rules.filter((r) => r.enabled));
      });
    },
    /** Runs the outbox once now (tests, and right after new entries). */
    deliver,
    /** Evaluates every loaded workspace now. */
    evaluate: () => enqueueWork(evaluateAll),
    /** Resolves when every mention received so far is counted and evaluated. */
    async idle(): Promise<void> {
      await chain;
      while (delivering) await delivering;
    },
    async stop(): Promise<void> {
      unsubscribe?.();
      unsubscribe = undefined;
      for (const timer of timers) clearInterval(timer);
      timers = [];
      await chain;
      while (delivering) await delivering;
    },
  };
}

export type AlertWorker = ReturnType<typeof createAlertWorker>;
