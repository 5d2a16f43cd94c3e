/**
 * The notification outbox: every notification is written here first, then delivered by a worker
 * — at least once, retried with backoff, never lost on restart (entries live in the database;
 * a claimed entry whose worker died is claimed again when its lease runs out). Channels are
 * independent: a failing SMTP server delays only the e-mails, never the webhooks.
 * `OutboxStore` is the port the store implements (table `notification_outbox`, unique `key`);
 * `createMemoryOutbox` is the in-memory implementation for tests and the benchmark.
 */
import { quietUntil, type AlertRule, type EpisodeEvent, type NewOutboxEntry, type OutboxEntry, type OutboxStore } from '@vigie/core';
import { idempotencyKey, nextAttempt, seededRandom, OUTBOX_POLICY, type OutboxPolicy } from './outbox-policy';
import { toNotification, type NotificationChannel, type NotificationTarget } from './notification';

export type { OutboxEntry, OutboxStatus, OutboxStore, NewOutboxEntry } from '@vigie/core';

/** @example const store = createMemoryOutbox(); */
export function createMemoryOutbox(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    async enqueue(list) {
      let added = 0;
      for (const e of list) {
        if (entries.has(e.key)) continue;
        entries.set(e.key, { ...e, status: 'pending', attempts: 0 });
        added += 1;
      }
      return added;
    },
    async claimDue(now, limit, leaseMs) {
      const due = [...entries.values()].filter((e) => (e.status === 'pending' || e.status === 'failing') && e.nextAttemptAt <= now).slice(0, limit);
      for (const e of due) e.nextAttemptAt = now + leaseMs;
      return due.map((e) => structuredClone(e));
    },
    async update(key, change) {
      const entry = entries.get(key);
      if (entry) Object.assign(entry, change);
    },
    async list() {
      return [...entries.values()].map((e) => structuredClone(e));
    },
  };
}

export interface OutboxWorkerOptions {
  store: OutboxStore;
  channels: readonly NotificationChannel[];
  policy?: OutboxPolicy;
  /** A send taking longer than this counts as a transient failure (default 30 s). */
  sendTimeoutMs?: number;
  /** How many entries one run claims (default 100). */
  batch?: number;
}

export interface OutboxRun {
  sent: number;
  retried: number;
  dead: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @example
 * const worker = createOutboxWorker({ store, channels: [email, webhooks, inApp] });
 * setInterval(() => void worker.runOnce(Date.now()), 2_000);
 */
export function createOutboxWorker(options: OutboxWorkerOptions): { runOnce(now: number): Promise<OutboxRun> } {
  const policy = options.policy ?? OUTBOX_POLICY;
  const timeoutMs = options.sendTimeoutMs ?? 30_000;
  const byKind = new Map(options.channels.map((c) => [c.kind, c]));

  async function deliver(entry: OutboxEntry, now: number): Promise<'sent' | 'retried' | 'dead'> {
    const channel = byKind.get(entry.target.kind);
    const outcome = channel
      ? await withTimeout(
          channel.send(entry.notification, entry.target).catch((error: unknown) => ({ retryAfterMs: 0, reason: `bug: ${error instanceof Error ? error.message : String(error)}` })),
          timeoutMs,
          () => ({ retryAfterMs: 0, reason: `no answer within ${timeoutMs / 1000} s` }),
        )
      : { failed: `no ${entry.target.kind} channel configured` };
    const attempts = entry.attempts + 1;
    if (outcome === 'sent') {
      await options.store.update(entry.key, { status: 'sent', attempts, sentAt: now, lastError: undefined });
      return 'sent';
    }
    if ('failed' in outcome) {
      await options.store.update(entry.key, { status: 'dead', attempts, lastError: outcome.failed });
      return 'dead';
    }
    const next = nextAttempt(attempts, outcome.reason, outcome.retryAfterMs, seededRandom(`${entry.key}#${attempts}`), policy);
    if ('giveUp' in next) {
      await options.store.update(entry.key, { status: 'dead', attempts, lastError: next.giveUp });
      return 'dead';
    }
    await options.store.update(entry.key, { status: 'failing', attempts, lastError: outcome.reason, nextAttemptAt: now + next.delayMs });
    return 'retried';
  }

  return {
    async runOnce(now) {
      const due = await options.store.claimDue(now, options.batch ?? 100, timeoutMs * 2);
      // All at once: one channel's slowness or failure never holds another's deliveries.
      const results = await Promise.all(due.map((entry) => deliver(entry, now)));
      return {
        sent: results.filter((r) => r === 'sent').length,
        retried: results.filter((r) => r === 'retried').length,
        dead: results.filter((r) => r === 'dead').length,
      };
    },
  };
}

/**
 * The outbox entries for one episode event: one per channel and recipient of the rule, each with
 * its idempotency key, due now (or at the end of the rule's quiet hours).
 *
 * @example
 * await store.enqueue(outboxEntriesFor(event, rule, { workspaceId, now: Date.now(), scopeName: 'Velotys Ondine' }));
 */
export function outboxEntriesFor(
  event: EpisodeEvent,
  rule: AlertRule,
  options: { workspaceId: string; now: number; scopeName?: string; appUrl?: string },
): NewOutboxEntry[] {
  const due = quietUntil(rule.quietHours, options.now);
  return deliveryTargets(rule, options.workspaceId).map((target) => {
    const recipient = target.kind === 'email' ? target.to : target.kind === 'webhook' ? target.url : target.workspaceId;
    const key = idempotencyKey({ ruleId: event.episode.ruleId, episodeId: event.episode.id, channel: target.kind, recipient, revision: event.episode.revision });
    return { key, workspaceId: options.workspaceId, target, nextAttemptAt: due, notification: toNotification(event, rule, { key, scopeName: options.scopeName, appUrl: options.appUrl }) };
  });
}

/** One target per channel and recipient. @example deliveryTargets(rule, 'w1'); // [{ kind: 'email', to: 'cm@x.example' }, …] */
export function deliveryTargets(rule: Pick<AlertRule, 'channels' | 'recipients'>, workspaceId: string): NotificationTarget[] {
  return rule.channels.flatMap((channel): NotificationTarget[] => {
    if (channel.kind === 'email') return rule.recipients.map((to) => ({ kind: 'email', to }));
    if (channel.kind === 'webhook') return [{ kind: 'webhook', url: channel.url, format: channel.format, secret: channel.secret }];
    return [{ kind: 'in_app', workspaceId }];
  });
}
