import type { MentionView } from './api-types';

export interface StreamOptions {
  /** Only mentions of this topic. */
  topic?: string;
  /** Called when the connection fails; browsers' EventSource retries by itself afterwards. */
  onError?: (error: unknown) => void;
  /** Called once the server has accepted the stream. */
  onOpen?: () => void;
}

export interface StreamTransport {
  url: string;
  token?: string;
  fetch: typeof fetch;
}

/** One server-sent event: its name (default `message`) and data lines joined by `\n`. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Splits a growing text/event-stream buffer into complete events and the unfinished rest, per
 * the HTML spec (fields `event:` and `data:`, blank line ends an event, `:` starts a comment).
 *
 * @example
 * parseSseBuffer('event: mention\ndata: {"id":"1"}\n\nevent: men')
 * // { events: [{ event: 'mention', data: '{"id":"1"}' }], rest: 'event: men' }
 */
export function parseSseBuffer(buffer: string): { events: SseEvent[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/**
 * Follows `GET /api/mentions/stream`. In a browser without a token it uses EventSource (automatic
 * reconnection, cookies sent); elsewhere — Node has no EventSource, and EventSource cannot send an
 * Authorization header — it reads the stream with fetch. Returns the unsubscribe function.
 */
export function openMentionStream(
  transport: StreamTransport,
  onMention: (mention: MentionView) => void,
  options: StreamOptions = {},
): () => void {
  const deliver = (data: string): void => {
    try {
      onMention(JSON.parse(data) as MentionView);
    } catch (error) {
      options.onError?.(error);
    }
  };
  if (typeof EventSource !== 'undefined' && transport.token === undefined) {
    const source = new EventSource(transport.url);
    source.addEventListener('mention', (event) => deliver((event as MessageEvent<string>).data));
    source.addEventListener('open', () => options.onOpen?.());
    source.addEventListener('error', (event) => options.onError?.(event));
    return () => source.close();
  }
  const controller = new AbortController();
  void readWithFetch(transport, controller.signal, deliver, options);
  return () => controller.abort();
}

async function readWithFetch(
  transport: StreamTransport,
  signal: AbortSignal,
  deliver: (data: string) => void,
  options: StreamOptions,
): Promise<void> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (transport.token !== undefined) headers.authorization = `Bearer ${transport.token}`;
  try {
    const response = await transport.fetch(transport.url, { headers, signal });
    if (!response.ok || response.body === null) throw new Error(`stream refused: HTTP ${response.status}`);
    options.onOpen?.();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const parsed = parseSseBuffer(buffer + value);
      buffer = parsed.rest;
      for (const event of parsed.events) if (event.event === 'mention') deliver(event.data);
    }
  } catch (error) {
    // Unsubscribing aborts the request on purpose: that is not an error worth reporting.
    if (!signal.aborted) options.onError?.(error);
  }
}
