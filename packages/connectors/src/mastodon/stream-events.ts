/**
 * Mastodon's streaming API (server-sent events) as pure functions: an incremental SSE parser and
 * the mapping of its events to mentions. https://docs.joinmastodon.org/methods/streaming/
 * (`GET /api/v1/streaming/hashtag?tag=…`, events `update`, `status.update`, `delete`; lines
 * starting with `:` are heartbeats). The transport is not here: see README.md, "Streaming".
 */
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import { mastodonStatus } from './api';
import { toMention, type MastodonNormaliseContext } from './to-mention';

/** One dispatched server-sent event. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Largest event kept in memory; a stream sending more without a blank line is broken or hostile. */
const MAX_EVENT_CHARS = 1024 * 1024;

/**
 * An incremental parser of `text/event-stream` (WHATWG HTML §9.2.6): feed it chunks as they
 * arrive, it calls `onEvent` at each blank line. An oversized event is dropped and reported.
 *
 * @example
 * const parser = createSseParser((e) => events.push(e), (reason) => log('warn', reason));
 * parser.push('event: update\ndata: {"id":"1"…}\n\n');
 */
export function createSseParser(onEvent: (event: SseEvent) => void, onDrop: (reason: string) => void = () => undefined): { push(chunk: string): void } {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];
  let dataChars = 0;
  let dropping = false;
  const dispatch = (): void => {
    if (!dropping && data.length > 0) onEvent({ event: eventName === '' ? 'message' : eventName, data: data.join('\n') });
    eventName = '';
    data = [];
    dataChars = 0;
    dropping = false;
  };
  const line = (text: string): void => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    const value = colon === -1 ? '' : text.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') eventName = value;
    if (field !== 'data' || dropping) return;
    dataChars += value.length;
    if (dataChars > MAX_EVENT_CHARS) {
      dropping = true;
      data = [];
      onDrop(`an event larger than ${MAX_EVENT_CHARS} characters was dropped`);
      return;
    }
    data.push(value);
  };
  return {
    push(chunk) {
      buffer += chunk;
      const parts = buffer.split(/\r\n|\r|\n/);
      // The last part may be an incomplete line (or a lone \r before its \n): keep it for the next chunk.
      buffer = parts.pop() ?? '';
      for (const part of parts) line(part);
      if (buffer.length > MAX_EVENT_CHARS) {
        buffer = '';
        dropping = true;
        onDrop(`a line longer than ${MAX_EVENT_CHARS} characters was dropped`);
      }
    },
  };
}

/** What one streaming event means for Vigie. */
export type StreamItem = { mention: MentionInput } | { skipped: SkippedItem } | { ignored: string };

/**
 * Maps one event of a hashtag or public stream: a new or edited status → a mention (an edit keeps
 * the same external id, so the store updates it); a deletion → skipped with its reason (the
 * payload is the instance-local id only); anything else → ignored.
 *
 * @example
 * toStreamItem({ event: 'update', data: statusJson }, { instanceHost: 'mastodon.social' }); // { mention }
 * toStreamItem({ event: 'delete', data: '1093' }, ctx); // { skipped: { reason: 'deleted on the network', externalId: 'mastodon.social:1093' } }
 */
export function toStreamItem(event: SseEvent, context: MastodonNormaliseContext): StreamItem {
  if (event.event === 'delete') return { skipped: { reason: 'deleted on the network', externalId: `${context.instanceHost}:${event.data.trim()}` } };
  if (event.event !== 'update' && event.event !== 'status.update') return { ignored: `event ${event.event}` };
  let raw: unknown;
  try {
    raw = JSON.parse(event.data);
  } catch (error) {
    return { skipped: { reason: `malformed ${event.event} event: ${(error as Error).message}` } };
  }
  const parsed = mastodonStatus.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { skipped: { reason: `malformed ${event.event} event: ${issue?.path.join('.') || 'status'} ${issue?.message ?? 'is invalid'}` } };
  }
  return toMention({ status: parsed.data, raw }, context);
}
