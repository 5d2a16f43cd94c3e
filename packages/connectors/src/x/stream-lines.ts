/**
 * The filtered stream's wire format: one JSON object per line (`\r\n`), blank lines as keep-alive
 * signals every 20 seconds (https://docs.x.com/x-api/posts/filtered-stream/integrate/consuming-streaming-data).
 * Pure: text in, items out.
 */
import { z } from 'zod';
import type { MentionInput } from '@vigie/core';
import type { SkippedItem } from '../connector';
import { readPartialErrors, readUsers } from './api';
import { toMentions } from './to-mention';

/**
 * Splits streamed text into lines, across chunk boundaries. Blank lines (keep-alives) are counted,
 * not emitted; a line longer than `maxLineChars` is dropped with a reason (an oversized payload
 * never grows memory without bound).
 *
 * @example
 * const lines = createLineSplitter((line) => handle(line), (reason) => log(reason));
 * lines.push('{"data":{…}}\r\n\r\n{"da'); lines.push('ta":{…}}\r\n');
 */
export function createLineSplitter(onLine: (line: string) => void, onDropped: (reason: string) => void, maxLineChars = 1_000_000): { push(text: string): void; keepAlives(): number } {
  let buffer = '';
  let overflowing = false;
  let keepAlives = 0;
  return {
    push(text) {
      buffer += text;
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (overflowing) overflowing = false;
        else if (line.trim() === '') keepAlives += 1;
        else onLine(line);
        newline = buffer.indexOf('\n');
      }
      if (buffer.length > maxLineChars) {
        onDropped(`a streamed line exceeded ${maxLineChars} characters and was dropped`);
        buffer = '';
        overflowing = true;
      }
    },
    keepAlives: () => keepAlives,
  };
}

const streamMessage = z.object({
  data: z.unknown().optional(),
  includes: z.object({ users: z.array(z.unknown()).optional() }).optional(),
  matching_rules: z.array(z.object({ id: z.string(), tag: z.string().optional() })).optional(),
  errors: z.array(z.unknown()).optional(),
});

/** What one line of the stream means for Vigie. */
export type StreamItem = { mention: MentionInput; ruleIds: string[] } | { skipped: SkippedItem } | { disconnect: string };

/**
 * @example
 * readStreamLine('{"data":{"id":"1",…},"includes":{"users":[…]},"matching_rules":[{"id":"42","tag":"vigie"}]}');
 * // { mention: {…}, ruleIds: ['42'] }
 */
export function readStreamLine(line: string): StreamItem {
  let payload: unknown;
  try {
    payload = JSON.parse(line);
  } catch (error) {
    return { skipped: { reason: `malformed stream line: ${(error as Error).message}` } };
  }
  const message = streamMessage.safeParse(payload);
  if (!message.success) return { skipped: { reason: 'malformed stream message' } };
  const { data, includes, matching_rules: rules, errors } = message.data;
  if (data === undefined) {
    // X announces a disconnection (operational, too many connections…) with an `errors` message.
    const problem = readPartialErrors(errors)[0];
    return { disconnect: [problem?.title, problem?.detail].filter(Boolean).join(': ') || 'the stream sent a message without data' };
  }
  const partial = readPartialErrors(errors);
  const result = toMentions([data], readUsers(includes?.users), partial);
  const first = result.mentions[0];
  if (first !== undefined) return { mention: first.mention, ruleIds: (rules ?? []).map((rule) => rule.id) };
  return { skipped: result.skipped[0] ?? { reason: 'unusable post' } };
}
