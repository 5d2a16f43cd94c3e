/**
 * The shapes of notifications and of the persistent outbox, shared by the server (channels and
 * the outbox worker, server/src/notify) and the store (table `notification_outbox`, which
 * implements `OutboxStore`). Types only: delivery lives in the server.
 */
import type { LocalizedText } from './alert-point';
import type { WebhookFormat } from './alert-rule';
import type { EpisodeEvent, EpisodeExplanation, EpisodeKind } from './episode';

export type NotificationKind = 'episode' | 'digest';

/**
 * Everything a channel needs to render one message; built once, delivered to every target.
 *
 * @example
 * const notification = toNotification(event, rule, { appUrl: 'https://vigie.example' });
 */
export interface Notification {
  /** Idempotency key (see `idempotencyKey`): receivers may drop duplicates of at-least-once delivery. */
  key: string;
  kind: NotificationKind;
  locale: 'fr' | 'en';
  /** Short subject line (e-mail subject, chat title). */
  title: LocalizedText;
  episode?: {
    id: string;
    event: EpisodeEvent['type'];
    kind: EpisodeKind;
    scopeName: string;
    startedAt: string;
    detectedAt: string;
    revision: number;
    explanation: EpisodeExplanation;
  };
  /** Digest bodies, already rendered (see build-digest.ts). */
  digest?: { text: string; html: string };
  /** Link to the episode in the web UI, when the server knows its public URL. */
  url?: string;
}

/** Where a notification goes. */
export type NotificationTarget =
  | { kind: 'in_app'; workspaceId: string }
  | { kind: 'email'; to: string }
  /** `secret`: the rule's signing secret as stored — sealed (`vigie-sealed:…`), opened only to sign. */
  | { kind: 'webhook'; url: string; format: WebhookFormat; secret?: string };

export type OutboxStatus = 'pending' | 'sent' | 'failing' | 'dead';

/** One delivery: a notification to one target. */
export interface OutboxEntry {
  key: string;
  /** Workspace the delivery belongs to (shown in its failing-channels list); absent in old tests. */
  workspaceId?: string;
  notification: Notification;
  target: NotificationTarget;
  /** `failing` = retrying after an error (shown in the UI); `dead` = gave up. */
  status: OutboxStatus;
  attempts: number;
  /** ms since epoch. */
  nextAttemptAt: number;
  lastError?: string;
  sentAt?: number;
}

/** What a caller enqueues; status and attempts start at `pending` and 0. */
export type NewOutboxEntry = Pick<OutboxEntry, 'key' | 'workspaceId' | 'notification' | 'target' | 'nextAttemptAt'>;

/**
 * What the database provides. Each method is one statement (or one transaction).
 *
 * @example
 * await outbox.enqueue([{ key, workspaceId, notification, target: { kind: 'in_app', workspaceId }, nextAttemptAt: Date.now() }]); // 1
 * await outbox.enqueue([{ key, … }]); // 0: the key already exists
 */
export interface OutboxStore {
  /** Inserts entries whose key is new (ON CONFLICT DO NOTHING); returns how many were new. */
  enqueue(entries: readonly NewOutboxEntry[]): Promise<number>;
  /** Entries pending or failing with `nextAttemptAt <= now`, leased until `now + leaseMs` (FOR UPDATE SKIP LOCKED on PostgreSQL). */
  claimDue(now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  /** `target` changes only when a key rotation re-seals a webhook secret it carries. */
  update(key: string, change: Partial<Pick<OutboxEntry, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'target'>>): Promise<void>;
  list(): Promise<OutboxEntry[]>;
}
