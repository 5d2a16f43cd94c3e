/**
 * The inbox in the product: which stored mentions become conversations (with the analysis's
 * "should we respond?" recommendation, a priority with reasons, and a first-response due date in
 * business hours), the focus flow, and the response-time report.
 */
import {
  conversationKeyOf,
  countByBand,
  DEFAULT_SLA_POLICY,
  estimateClearMinutes,
  firstResponseDueAt,
  firstResponseMinutes,
  inboxEntryReason,
  nextInFocus,
  timeBudget,
  type TimeBudget,
  triageConversation,
  type Conversation,
  type ConnectorId,
  type InboxEntryOptions,
  type Mention,
  type SlaPolicy,
  type Store,
} from '@vigie/core';
import { recommendResponse } from '@vigie/analysis';

/** Minutes a member spends on the inbox per day unless set otherwise: social media must not eat the day. */
export const DEFAULT_DAILY_BUDGET_MINUTES = 90;
const BUDGETS_KEY = 'inbox.budgets';
const OWN_ACCOUNTS_KEY = 'inbox.ownAccounts';
const OWN_POSTS_KEY = 'inbox.ownPostIds';
/** Our posts remembered per workspace (newest kept): replies to older ones are triaged like any mention. */
export const MAX_OWN_POST_IDS = 5_000;

/** One of the company's own accounts on a network (`@velotys@mastodon.social`, `velotys.bsky.social`). */
export interface OwnAccount {
  connector: ConnectorId;
  handle: string;
}

/** Handles compare without case and without the leading `@`. @example normalizeHandle('@Velotys@Mastodon.social') // 'velotys@mastodon.social' */
export function normalizeHandle(handle: string): string {
  return handle.trim().toLowerCase().replace(/^@/, '');
}

interface OwnState {
  handles: Map<string, Set<string>>;
  postIds: string[];
  postSet: Set<string>;
}

export interface InboxServiceDeps {
  store: Store;
  now: () => Date;
  policy?: SlaPolicy;
  entry?: InboxEntryOptions;
}

/** Median and 90th percentile of a list of minutes (nearest rank); null when empty. */
export function percentiles(values: number[]): { count: number; median: number | null; p90: number | null } {
  if (values.length === 0) return { count: 0, median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { count: sorted.length, median: rank(0.5), p90: rank(0.9) };
}

/**
 * @example
 * const inbox = createInboxService({ store, now: () => new Date() });
 * await inbox.ingest(mention); // → the conversation, or undefined when the mention needs no human
 */
export function createInboxService(deps: InboxServiceDeps) {
  const policy = deps.policy ?? DEFAULT_SLA_POLICY;
  // Per workspace, loaded once from the settings: the inbox worker asks for every mention.
  const own = new Map<string, Promise<OwnState>>();

  function ownState(workspaceId: string): Promise<OwnState> {
    let state = own.get(workspaceId);
    if (!state) {
      state = (async () => {
        const accounts = (await deps.store.settings.get<OwnAccount[]>(workspaceId, OWN_ACCOUNTS_KEY)) ?? [];
        const postIds = (await deps.store.settings.get<string[]>(workspaceId, OWN_POSTS_KEY)) ?? [];
        const handles = new Map<string, Set<string>>();
        for (const a of accounts) handles.set(a.connector, (handles.get(a.connector) ?? new Set()).add(normalizeHandle(a.handle)));
        return { handles, postIds, postSet: new Set(postIds) };
      })();
      state.catch(() => own.delete(workspaceId));
      own.set(workspaceId, state);
    }
    return state;
  }

  /** Remembers one of our posts (authored by our accounts, or a reply Vigie sent): replies to it enter as `own_post_reply`. */
  async function recordOwnPost(workspaceId: string, _connector: string, externalId: string): Promise<void> {
    const state = await ownState(workspaceId);
    if (state.postSet.has(externalId)) return;
    state.postIds.push(externalId);
    state.postSet.add(externalId);
    while (state.postIds.length > MAX_OWN_POST_IDS) state.postSet.delete(state.postIds.shift()!);
    await deps.store.settings.set(workspaceId, OWN_POSTS_KEY, state.postIds);
  }

  async function ingest(mention: Mention): Promise<Conversation | undefined> {
    const state = await ownState(mention.workspaceId);
    // Our own accounts' messages never enter: they are what people reply to.
    if (state.handles.get(mention.connector)?.has(normalizeHandle(mention.author.handle))) {
      await recordOwnPost(mention.workspaceId, mention.connector, mention.externalId);
      return undefined;
    }
    const entry = inboxEntryReason(mention, { ...deps.entry, ownPostIds: deps.entry?.ownPostIds ? new Set([...deps.entry.ownPostIds, ...state.postSet]) : state.postSet });
    if (!entry) return undefined;
    const analysis = mention.analysis as Record<string, { isQuestion?: boolean; label?: string } | undefined>;
    const now = deps.now();
    const ageMinutes = Math.max(0, (now.getTime() - Date.parse(mention.publishedAt)) / 60_000);
    const recommendation = recommendResponse({
      text: mention.title ? `${mention.title}\n${mention.text}` : mention.text,
      ...(mention.analysis.lang?.value && mention.analysis.lang.value !== 'unknown' ? { lang: mention.analysis.lang.value } : mention.lang ? { lang: mention.lang } : {}),
      author: mention.author,
      engagement: mention.engagement,
      ...(analysis.question?.isQuestion !== undefined && { isQuestion: analysis.question.isQuestion }),
      ...(mention.analysis.sentiment && { sentiment: mention.analysis.sentiment.label }),
      ...(analysis.aggressive?.label !== undefined && { aggressive: analysis.aggressive.label === 'aggressive' || analysis.aggressive.label === 'toxic' }),
      isOwnPostComment: entry === 'own_post_reply',
      ageMinutes,
    });
    const dueAt = firstResponseDueAt(new Date(mention.publishedAt), recommendation.priority, policy).toISOString();
    const triage = triageConversation({ recommendation, entry, dueAt, now });
    return deps.store.conversations.record(mention.workspaceId, {
      key: conversationKeyOf(mention),
      connector: mention.connector,
      entry,
      mentionId: mention.id,
      publishedAt: mention.publishedAt,
      priority: triage.priority,
      reasons: triage.reasons,
      recommendation: { action: recommendation.action, reasons: recommendation.reasons, priority: recommendation.priority, priorityReasons: recommendation.priorityReasons },
      dueAt,
      ...(mention.topicIds[0] !== undefined && { topicId: mention.topicIds[0] }),
      lastAuthor: mention.author.handle,
      preview: mention.text,
      ...(mention.url !== undefined && { url: mention.url }),
    });
  }

  /** The day in the team's time zone: a budget resets at local midnight, not UTC's. */
  const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: policy.hours.timeZone }).format(deps.now());
  const spentKey = (): string => `inbox.spent.${today()}`;

  async function budget(workspaceId: string, member: string): Promise<TimeBudget> {
    const budgets = (await deps.store.settings.get<Record<string, number>>(workspaceId, BUDGETS_KEY)) ?? {};
    const spent = (await deps.store.settings.get<Record<string, number>>(workspaceId, spentKey())) ?? {};
    return timeBudget(budgets[member] ?? DEFAULT_DAILY_BUDGET_MINUTES, spent[member] ?? 0);
  }

  return {
    ingest,

    recordOwnPost,

    /** The workspace's own accounts per network (what counts as "our posts"). */
    async ownAccounts(workspaceId: string): Promise<OwnAccount[]> {
      return (await deps.store.settings.get<OwnAccount[]>(workspaceId, OWN_ACCOUNTS_KEY)) ?? [];
    },

    /** Replaces the own accounts (handles kept as written, compared without case or leading `@`). */
    async setOwnAccounts(workspaceId: string, accounts: OwnAccount[]): Promise<OwnAccount[]> {
      const seen = new Set<string>();
      const unique = accounts
        .map((a) => ({ connector: a.connector, handle: a.handle.trim() }))
        .filter((a) => a.handle !== '' && !seen.has(`${a.connector}:${normalizeHandle(a.handle)}`) && seen.add(`${a.connector}:${normalizeHandle(a.handle)}`));
      await deps.store.settings.set(workspaceId, OWN_ACCOUNTS_KEY, unique);
      own.delete(workspaceId);
      return unique;
    },

    /** Ids of our posts remembered for the workspace (oldest first). */
    async ownPostIds(workspaceId: string): Promise<readonly string[]> {
      return (await ownState(workspaceId)).postIds;
    },

    /** A member's daily time budget and what is used today (`member`: a user id; older keys were free-text names). */
    budget,

    /** Sets a member's daily budget in minutes. */
    async setBudget(workspaceId: string, member: string, minutes: number): Promise<TimeBudget> {
      const budgets = (await deps.store.settings.get<Record<string, number>>(workspaceId, BUDGETS_KEY)) ?? {};
      await deps.store.settings.set(workspaceId, BUDGETS_KEY, { ...budgets, [member]: minutes });
      return budget(workspaceId, member);
    },

    /** Adds minutes spent in the inbox today (the web reports each minute the page is in use). */
    async addTime(workspaceId: string, member: string, minutes: number): Promise<TimeBudget> {
      const key = spentKey();
      const spent = (await deps.store.settings.get<Record<string, number>>(workspaceId, key)) ?? {};
      await deps.store.settings.set(workspaceId, key, { ...spent, [member]: (spent[member] ?? 0) + minutes });
      return budget(workspaceId, member);
    },

    /** The next most important conversation for a member (user id; theirs or unassigned), from the top of the queue. */
    async next(workspaceId: string, member: string | undefined): Promise<Conversation | undefined> {
      const now = deps.now();
      const page = await deps.store.conversations.list(workspaceId, { view: 'open', now: now.toISOString() }, { limit: 200 });
      const overdue = await deps.store.conversations.list(workspaceId, { view: 'overdue', now: now.toISOString() }, { limit: 50 });
      const seen = new Map([...page.items, ...overdue.items].map((c) => [c.id, c]));
      return nextInFocus([...seen.values()], member, now);
    },

    /** First-response median and p90 (working minutes) per network, topic and member; queue clear-time estimate. */
    async stats(workspaceId: string, days: number) {
      const since = new Date(deps.now().getTime() - days * 86_400_000).toISOString();
      const rows = await deps.store.conversations.firstResponses(workspaceId, since);
      const group = (keyOf: (r: (typeof rows)[number]) => string | undefined) => {
        const buckets = new Map<string, number[]>();
        for (const r of rows) {
          const key = keyOf(r) ?? '';
          const list = buckets.get(key) ?? [];
          list.push(firstResponseMinutes(r.firstMentionAt, r.firstResponseAt, policy.hours));
          buckets.set(key, list);
        }
        return [...buckets.entries()].map(([key, values]) => ({ key, ...percentiles(values) })).sort((a, b) => b.count - a.count);
      };
      const queue = await deps.store.conversations.countActiveByBand(workspaceId);
      return {
        days,
        firstResponse: { all: percentiles(rows.map((r) => firstResponseMinutes(r.firstMentionAt, r.firstResponseAt, policy.hours))), byNetwork: group((r) => r.connector), byTopic: group((r) => r.topicId), byMember: group((r) => r.assignee) },
        queue: { ...queue, clearMinutes: estimateClearMinutes(queue) },
      };
    },

    /** Counts of the active queue per band (used by the stats and the CLI). */
    countByBand,
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
