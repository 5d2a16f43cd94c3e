/**
 * Parents of replies. A Mastodon status names the status it answers by `in_reply_to_id`, an id
 * LOCAL to the instance it was read from, while Vigie identifies statuses by their global `uri`.
 * To say "this answers our post", the parent's `uri` is needed: it is looked up on the same
 * instance (`GET /api/v1/statuses/:id`, https://docs.joinmastodon.org/methods/statuses/#get),
 * at most `MAX_PARENT_LOOKUPS` per poll, and remembered in the source state.
 */
import type { MentionInput } from '@vigie/core';
import type { ConnectorContext } from '../connector';
import { isConnectorError } from '../connector-error';
import { getStatus, type ReceivedStatus } from './api';

/** Parent lookups in one poll at most; the other replies keep no parent (their `kind` stays `reply`). */
export const MAX_PARENT_LOOKUPS = 20;
/** Statuses remembered between polls as possible parents (`[local id, uri, root uri]`). */
export const MAX_REMEMBERED_PARENTS = 500;

export type ParentEntry = [localId: string, uri: string, rootUri: string];

export interface ResolvedParents {
  /** Local id → `{ uri, root }`; `uri` '' = not readable. */
  byId: Map<string, { uri: string; root: string }>;
  /** What the state keeps, newest first, bounded. */
  remembered: ParentEntry[];
}

/**
 * Finds the global `uri` (and, when cheap, the thread root's) of each reply's parent: from the
 * statuses of the same poll, then the remembered ones (parents and statuses read before), then by
 * asking the instance. A parent that
 * cannot be read (404, 403) is remembered as unreadable; a refused token (`auth_expired`) stops
 * the poll; a rate limit or an outage stops the lookups for this poll only.
 *
 * @example
 * const parents = await resolveParents(ctx, { instance, token }, received, state.parents ?? []);
 * const mentions = withParents(toMentions(received, { instanceHost }).mentions, received, parents.byId);
 */
export async function resolveParents(
  ctx: ConnectorContext,
  account: { instance: string; token?: string },
  received: readonly ReceivedStatus[],
  previous: readonly ParentEntry[],
  maxLookups = MAX_PARENT_LOOKUPS,
): Promise<ResolvedParents> {
  const byId = new Map<string, { uri: string; root: string }>(previous.map(([id, uri, root]) => [id, { uri, root }]));
  const fresh: ParentEntry[] = [];
  const remember = (id: string, uri: string, root: string): void => {
    byId.set(id, { uri, root });
    fresh.push([id, uri, root]);
  };
  const statuses = received.map((r) => r.status.reblog ?? r.status);
  // Statuses of this poll are known without asking: a parent often sits on the same page.
  const local = new Map(statuses.map((s) => [s.id, s]));
  let lookups = 0;
  let stopped = false;
  for (const status of statuses) {
    const parentId = status.in_reply_to_id;
    if (parentId === null || parentId === undefined || byId.has(parentId)) continue;
    const onPage = local.get(parentId);
    if (onPage !== undefined) {
      const grand = onPage.in_reply_to_id;
      remember(parentId, onPage.uri, grand === null || grand === undefined ? onPage.uri : (byId.get(grand)?.root ?? ''));
      continue;
    }
    if (stopped || lookups >= maxLookups) continue;
    lookups += 1;
    try {
      const parent = await getStatus(ctx, account.instance, parentId, account.token);
      const grand = parent.in_reply_to_id;
      remember(parentId, parent.uri, grand === null || grand === undefined ? parent.uri : (byId.get(grand)?.root ?? ''));
    } catch (error) {
      if (!isConnectorError(error) || error.code === 'auth_expired') throw error;
      if (error.code === 'not_found' || error.code === 'forbidden') {
        remember(parentId, '', '');
        continue;
      }
      ctx.log('warn', `${new URL(account.instance).host}: parent lookups stopped for this poll (${error.code})`, { code: error.code });
      stopped = true;
    }
  }
  // The statuses read are parents of tomorrow's replies (a reply to a reply): remembered too, at no cost.
  for (const status of statuses) {
    if (byId.has(status.id)) continue;
    const parentId = status.in_reply_to_id;
    remember(status.id, status.uri, parentId === null || parentId === undefined ? status.uri : (byId.get(parentId)?.root ?? ''));
  }
  if (lookups >= maxLookups) ctx.log('info', `${new URL(account.instance).host}: ${maxLookups} parent lookups this poll; older replies keep no parent`, { lookups });
  const fresher = new Set(fresh.map(([id]) => id));
  const remembered = [...fresh, ...previous.filter(([id]) => !fresher.has(id))].slice(0, MAX_REMEMBERED_PARENTS);
  return { byId, remembered };
}

/**
 * Sets `replyToExternalId` (and `threadExternalId` when the root is known) on the mentions of
 * replies whose parent was resolved. Mentions are matched to statuses by external id (`uri`).
 *
 * @example
 * withParents(mentions, received, parents.byId);
 */
export function withParents(mentions: MentionInput[], received: readonly ReceivedStatus[], byId: ReadonlyMap<string, { uri: string; root: string }>): MentionInput[] {
  const parentOf = new Map<string, string>();
  for (const r of received) {
    const status = r.status.reblog ?? r.status;
    if (status.in_reply_to_id !== null && status.in_reply_to_id !== undefined) parentOf.set(status.uri, status.in_reply_to_id);
  }
  return mentions.map((mention) => {
    const parentId = parentOf.get(mention.externalId);
    const parent = parentId === undefined ? undefined : byId.get(parentId);
    if (parent === undefined || parent.uri === '') return mention;
    return { ...mention, replyToExternalId: parent.uri, ...(parent.root !== '' ? { threadExternalId: parent.root } : {}) };
  });
}
