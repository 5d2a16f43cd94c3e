/**
 * The connector contract: what every connector folder exports through `defineConnector`, and
 * what the server's workers call. Capabilities are data — a present key means supported — so the
 * UI and the scheduler read them instead of probing a dozen optional methods.
 */
import type { ConnectorId, MentionInput, SourceState } from '@vigie/core';
import type { z } from 'zod';
import type { HttpClient } from './kit/http-client';

/**
 * What a connector receives for one call. The network is reachable only through `http`
 * (kit/: SSRF checks, timeouts, size caps, typed errors).
 *
 * @example
 * const ctx: ConnectorContext = { http: createHttpClient({ allowPrivate: false }), signal, now: () => new Date(), log };
 */
export interface ConnectorContext {
  http: HttpClient;
  /** Aborted when the worker shuts down or the job's time is up. */
  signal: AbortSignal;
  /** Injected clock, so tests and replays are deterministic. */
  now(): Date;
  log(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void;
}

/** An item left out of a poll, with the reason shown in the source's health and logs. */
export interface SkippedItem {
  reason: string;
  externalId?: string;
}

/**
 * The outcome of one poll. `state` replaces the previous state once the mentions are stored, so
 * a crash between fetching and storing re-fetches instead of losing items.
 *
 * @example
 * { mentions: [m1, m2], state: { etag: '"abc"', seen: ['id1', 'id2'] }, skipped: [{ reason: 'no title, text or link', externalId: 'x' }] }
 */
export interface PollResult {
  mentions: MentionInput[];
  state: SourceState;
  skipped: SkippedItem[];
  /** True when the server answered 304 Not Modified: nothing new, state kept. */
  notModified?: boolean;
}

/** A source as a capability sees it: its validated config and the state of the last poll. */
export interface SourceInput<SourceConfig> {
  config: SourceConfig;
  state: SourceState;
}

/** Polling: fetch what is new since `state`. */
export interface PollCapability<SourceConfig> {
  fetch(ctx: ConnectorContext, source: SourceInput<SourceConfig>): Promise<PollResult>;
}

/** One page of a search or a backfill; `nextCursor` null means the end. */
export interface MentionPage {
  mentions: MentionInput[];
  skipped: SkippedItem[];
  nextCursor: string | null;
}

/** Network-side search over a query (used by the query tester and by search-based sources). */
export interface SearchCapability<AccountConfig> {
  search(ctx: ConnectorContext, request: { query: string; since?: Date; cursor?: string; account?: AccountConfig }): Promise<MentionPage>;
}

/** Going back in time for a source, page by page. */
export interface BackfillCapability<SourceConfig> {
  backfill(ctx: ConnectorContext, source: SourceInput<SourceConfig>, request: { until: Date; cursor?: string }): Promise<MentionPage>;
}

/**
 * Push delivery: calls `onMention` until `ctx.signal` aborts. A stream that can resume (Bluesky
 * Jetstream's `cursor`) reports its position with `onPosition` once everything before it was
 * delivered; the worker saves it (throttled) under `state.stream`, and a restart starts from
 * `source.state.stream`, so it neither loses nor duplicates.
 */
export interface StreamCapability<SourceConfig> {
  stream(
    ctx: ConnectorContext,
    source: SourceInput<SourceConfig>,
    onMention: (mention: MentionInput) => Promise<void>,
    onPosition?: (position: Record<string, unknown>) => void,
  ): Promise<void>;
}

/** What publishing and replying return: the id and address of the post on the network. */
export interface PublishedRef {
  externalId: string;
  url?: string;
}

/**
 * `idempotencyKey` (optional): the caller's stable key for this one post (e.g. the draft's id), so a
 * retry after a timeout cannot post twice. Connectors pass it where the API accepts one (Mastodon's
 * `Idempotency-Key`); elsewhere it is ignored and the server's draft status is what prevents a
 * second post (see each connector's README).
 */
export interface PublishCapability<AccountConfig> {
  publish(ctx: ConnectorContext, request: { account: AccountConfig; text: string; mediaUrls?: string[]; idempotencyKey?: string }): Promise<PublishedRef>;
}

export interface ReplyCapability<AccountConfig> {
  reply(ctx: ConnectorContext, request: { account: AccountConfig; inReplyToExternalId: string; text: string; idempotencyKey?: string }): Promise<PublishedRef>;
}

export interface MetricsCapability<AccountConfig> {
  metrics(ctx: ConnectorContext, request: { account?: AccountConfig; externalIds: string[] }): Promise<Record<string, MentionInput['engagement']>>;
}

/** Present = supported. */
export interface ConnectorCapabilities<SourceConfig, AccountConfig> {
  poll?: PollCapability<SourceConfig>;
  search?: SearchCapability<AccountConfig>;
  stream?: StreamCapability<SourceConfig>;
  backfill?: BackfillCapability<SourceConfig>;
  publish?: PublishCapability<AccountConfig>;
  reply?: ReplyCapability<AccountConfig>;
  metrics?: MetricsCapability<AccountConfig>;
}

export type CapabilityName = keyof ConnectorCapabilities<unknown, unknown>;

/**
 * One connector.
 *
 * @example
 * export const rss = defineConnector({
 *   id: 'rss', name: 'RSS / Atom', sourceConfig: rssSourceConfig, defaultPollIntervalSec: 900,
 *   capabilities: { poll: { fetch: pollFeed } }, describeSource: (c) => new URL(c.url).host,
 * });
 */
export interface ConnectorDefinition<SourceConfig, AccountConfig = never> {
  id: ConnectorId;
  /** Display name. */
  name: string;
  /** Validated before a source is saved; its JSON Schema (`z.toJSONSchema`) renders the settings form. */
  sourceConfig: z.ZodType<SourceConfig>;
  /**
   * Settings of `sourceConfig` of which a source sets exactly one (what it watches: a hashtag, a
   * timeline, a search…). The schema's own refinement checks the same constant; the settings form
   * reads it here, since JSON Schema cannot carry a Zod refinement.
   */
  sourceModes?: readonly string[];
  accountConfig?: z.ZodType<AccountConfig>;
  capabilities: ConnectorCapabilities<SourceConfig, AccountConfig>;
  /** Default polling interval in seconds. */
  defaultPollIntervalSec: number;
  /** A short human name for a source from its config, e.g. the feed URL host. */
  describeSource(config: SourceConfig): string;
}

/**
 * Any connector, as the registry hands it out. Configs are `unknown` here: callers validate with
 * the connector's own `sourceConfig` schema before calling a capability.
 */
export type AnyConnector = ConnectorDefinition<unknown, unknown>;

/**
 * Identity at run time; it exists so each connector's types are checked where it is defined.
 *
 * @example
 * export const hackernews = defineConnector({ id: 'hackernews', … });
 */
export function defineConnector<S, A = never>(def: ConnectorDefinition<S, A>): ConnectorDefinition<S, A> {
  return def;
}

/** The names of the capabilities a connector declares, in a stable order (for the API and the UI). */
export function listCapabilities(connector: { capabilities: object }): CapabilityName[] {
  const order: CapabilityName[] = ['poll', 'search', 'stream', 'backfill', 'publish', 'reply', 'metrics'];
  return order.filter((name) => name in connector.capabilities && (connector.capabilities as Record<string, unknown>)[name] !== undefined);
}

/**
 * The source modes a config sets: a mode counts when its value is present and not `false`
 * (`notifications: false` means "not this mode"). A config's schema refines on `chosenModes(…).length === 1`.
 *
 * @example
 * chosenModes({ instance: 'https://mastodon.social', hashtag: 'vigie', notifications: false }, ['hashtag', 'timeline', 'search', 'notifications']) // ['hashtag']
 */
export function chosenModes(config: Record<string, unknown>, modes: readonly string[]): string[] {
  return modes.filter((mode) => config[mode] !== undefined && config[mode] !== false);
}
