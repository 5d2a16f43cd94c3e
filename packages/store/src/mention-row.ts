import type { Insertable, Selectable } from 'kysely';
import type { ConnectorId, Engagement, Mention, MentionAnalysis, MentionKind, NewMention } from '@vigie/core';
import { toIso } from './iso-time';
import type { MentionTable } from './schema';
import type { StoreDialect } from './store-dialect';

// Every column but the internal `seq`, listed once: the compiler checks it stays complete.
const COLUMNS: Record<Exclude<keyof MentionTable, 'seq'>, true> = {
  id: true, workspace_id: true, source_id: true, connector: true, external_id: true, url: true,
  author_handle: true, author_name: true, author_followers: true, author_url: true, author_avatar_url: true,
  title: true, text: true, html: true, lang: true, lang_resolved: true, sentiment: true,
  published_at: true, fetched_at: true, engagement: true, reply_to_external_id: true,
  thread_external_id: true, country: true, kind: true, raw: true, analysis: true,
};

/** The columns a mention is written and read with (PostgreSQL's search_vector is never read). */
export const MENTION_COLUMNS = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];

/** A mention row as written: every column present, in MENTION_COLUMNS order. */
export type MentionWriteRow = { [K in keyof typeof COLUMNS]-?: Exclude<Insertable<MentionTable>[K], undefined> };

/** A mention row as read back: every column but the internal `seq`. */
export type MentionRow = Omit<Selectable<MentionTable>, 'seq'>;

/** The language the `lang` filter uses: the detected one when known, else the declared one. */
export function resolveLang(analysis: MentionAnalysis, declared: string | undefined): string | null {
  const detected = analysis.lang?.value;
  return detected !== undefined && detected !== 'unknown' ? detected : (declared ?? null);
}

/**
 * NewMention → row. `publishedAt` must already be normalised (see iso-time.ts).
 *
 * @example
 * toMentionRow(input, { id, workspaceId, fetchedAt }, sqliteStoreDialect);
 */
export function toMentionRow(
  input: NewMention,
  ids: { id: string; workspaceId: string; sourceId: string | null; fetchedAt: string; publishedAt: string },
  dialect: StoreDialect,
): MentionWriteRow {
  // Keys in MENTION_COLUMNS order: the batched upsert flattens rows in that order.
  return {
    id: ids.id,
    workspace_id: ids.workspaceId,
    source_id: ids.sourceId,
    connector: input.connector,
    external_id: input.externalId,
    url: input.url ?? null,
    author_handle: input.author.handle,
    author_name: input.author.name ?? null,
    author_followers: input.author.followers ?? null,
    author_url: input.author.url ?? null,
    author_avatar_url: input.author.avatarUrl ?? null,
    title: input.title ?? null,
    text: input.text,
    html: input.html ?? null,
    lang: input.lang ?? null,
    lang_resolved: resolveLang(input.analysis, input.lang),
    sentiment: input.analysis.sentiment?.label ?? null,
    published_at: ids.publishedAt,
    fetched_at: ids.fetchedAt,
    engagement: dialect.toJson(input.engagement),
    reply_to_external_id: input.replyToExternalId ?? null,
    thread_external_id: input.threadExternalId ?? null,
    country: input.country ?? null,
    kind: input.kind,
    raw: dialect.toJson(input.raw),
    analysis: dialect.toJson(input.analysis),
  };
}

/** Row (+ its matches) → Mention; absent optional fields stay absent rather than null. */
export function toMention(
  row: MentionRow,
  matches: { queryIds: string[]; topicIds: string[] },
  dialect: StoreDialect,
): Mention {
  const optional = <K extends string, V>(key: K, value: V | null) =>
    (value === null ? {} : { [key]: value }) as Partial<Record<K, V>>;
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    ...optional('sourceId', row.source_id),
    connector: row.connector as ConnectorId,
    externalId: row.external_id,
    ...optional('url', row.url),
    author: {
      handle: row.author_handle,
      ...optional('name', row.author_name),
      ...optional('followers', row.author_followers),
      ...optional('url', row.author_url),
      ...optional('avatarUrl', row.author_avatar_url),
    },
    ...optional('title', row.title),
    text: row.text,
    ...optional('html', row.html),
    ...optional('lang', row.lang),
    publishedAt: toIso(row.published_at),
    fetchedAt: toIso(row.fetched_at),
    engagement: dialect.fromJson(row.engagement) as Engagement,
    ...optional('replyToExternalId', row.reply_to_external_id),
    ...optional('threadExternalId', row.thread_external_id),
    ...optional('country', row.country),
    kind: row.kind as MentionKind,
    raw: dialect.fromJson(row.raw),
    analysis: dialect.fromJson(row.analysis) as MentionAnalysis,
    queryIds: matches.queryIds,
    topicIds: matches.topicIds,
  };
}
