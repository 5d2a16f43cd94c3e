/**
 * Bluesky's live firehose through Jetstream, as pure functions: the subscription URL, the parsing
 * of one JSON event, and the term filter that keeps only posts the saved queries may match.
 * Jetstream: https://github.com/bluesky-social/jetstream (README: "Consuming Jetstream", event
 * shapes). The WebSocket transport is not here: see README.md, "Streaming".
 */
import { tokenizeText, type MentionInput } from '@vigie/core';
import { z } from 'zod';
import type { SkippedItem } from '../connector';
import { postRecord } from './api';
import { fromPostParts } from './to-mention';

/** A public Jetstream instance (others: jetstream1.us-east, jetstream{1,2}.us-west). */
export const DEFAULT_JETSTREAM = 'wss://jetstream2.us-east.bsky.network';
/** Largest event accepted; a post record is at most a few kilobytes. */
const MAX_EVENT_CHARS = 256 * 1024;

/**
 * The subscription URL for posts, resuming from a cursor (`time_us` of the last event handled;
 * Jetstream replays from there, so a reconnect loses nothing within its retention window).
 *
 * @example
 * jetstreamUrl(DEFAULT_JETSTREAM, 1725911162329308); // 'wss://…/subscribe?wantedCollections=app.bsky.feed.post&cursor=1725911162329308'
 */
export function jetstreamUrl(base: string = DEFAULT_JETSTREAM, cursor?: number): string {
  const params = new URLSearchParams({ wantedCollections: 'app.bsky.feed.post' });
  if (cursor !== undefined) params.set('cursor', String(cursor));
  return `${base.replace(/\/+$/, '')}/subscribe?${params.toString()}`;
}

const commitEvent = z.object({
  did: z.string().startsWith('did:'),
  time_us: z.number().int().positive(),
  kind: z.literal('commit'),
  commit: z.object({
    operation: z.enum(['create', 'update', 'delete']),
    collection: z.string(),
    rkey: z.string().min(1).max(512),
    record: z.unknown().optional(),
    cid: z.string().optional(),
  }),
});

/** What one Jetstream event means for Vigie; `timeUs` is the cursor to persist once it is handled. */
export type JetstreamItem =
  | { mention: MentionInput; timeUs: number }
  | { skipped: SkippedItem; timeUs?: number }
  | { ignored: string; timeUs?: number };

/**
 * Parses one Jetstream message: a post creation → a mention (author as DID: Jetstream carries
 * no handle); a deletion → skipped with its reason; identity/account events and other
 * collections → ignored; a malformed or oversized message → skipped with the reason.
 *
 * @example
 * parseJetstreamEvent('{"did":"did:plc:…","time_us":1725911162329308,"kind":"commit","commit":{"operation":"create",…}}');
 */
export function parseJetstreamEvent(message: string): JetstreamItem {
  if (message.length > MAX_EVENT_CHARS) return { skipped: { reason: `event larger than ${MAX_EVENT_CHARS} characters` } };
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch (error) {
    return { skipped: { reason: `malformed event: ${(error as Error).message}` } };
  }
  const kind = typeof json === 'object' && json !== null ? (json as { kind?: unknown }).kind : undefined;
  const timeUs = typeof json === 'object' && json !== null && typeof (json as { time_us?: unknown }).time_us === 'number' ? (json as { time_us: number }).time_us : undefined;
  const at = timeUs === undefined ? {} : { timeUs };
  if (kind === 'identity' || kind === 'account') return { ignored: `${kind} event`, ...at };
  const event = commitEvent.safeParse(json);
  if (!event.success) {
    const issue = event.error.issues[0];
    return { skipped: { reason: `malformed event: ${issue?.path.join('.') || 'event'} ${issue?.message ?? 'is invalid'}` }, ...at };
  }
  const { did, commit } = event.data;
  const uri = `at://${did}/${commit.collection}/${commit.rkey}`;
  if (commit.collection !== 'app.bsky.feed.post') return { ignored: `collection ${commit.collection}`, timeUs: event.data.time_us };
  if (commit.operation === 'delete') return { skipped: { reason: 'deleted on the network', externalId: uri }, timeUs: event.data.time_us };
  const record = postRecord.safeParse(commit.record);
  if (!record.success) {
    const issue = record.error.issues[0];
    return { skipped: { reason: `malformed post record: ${issue?.path.join('.') || 'record'} ${issue?.message ?? 'is invalid'}`, externalId: uri }, timeUs: event.data.time_us };
  }
  const result = fromPostParts({ uri, did, record: record.data, engagement: {}, raw: json });
  return 'mention' in result ? { mention: result.mention, timeUs: event.data.time_us } : { skipped: result.skipped, timeUs: event.data.time_us };
}

/**
 * A prefilter built from the saved queries' terms: true when a text contains one of the terms as
 * whole words (folded: case and accents ignored; a multi-word term must appear as a phrase). The
 * firehose carries every public post, so only candidates go on to the real query matcher.
 *
 * @example
 * const isCandidate = createTermFilter(['vigie', 'écoute sociale']);
 * isCandidate('Une Vigie pour l’Écoute sociale'); // true
 */
export function createTermFilter(terms: readonly string[]): (text: string) => boolean {
  const phrases = terms.map((term) => tokenizeText(term).map((token) => token.value)).filter((words) => words.length > 0);
  const firstWords = new Set(phrases.map((words) => words[0] ?? ''));
  return (text) => {
    const words = tokenizeText(text).map((token) => token.value);
    for (let i = 0; i < words.length; i += 1) {
      if (!firstWords.has(words[i] ?? '')) continue;
      for (const phrase of phrases) {
        if (phrase.every((word, offset) => words[i + offset] === word)) return true;
      }
    }
    return false;
  };
}
