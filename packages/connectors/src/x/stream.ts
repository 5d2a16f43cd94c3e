import type { MentionInput } from '@vigie/core';
import type { ConnectorContext, SourceInput } from '../connector';
import { ConnectorError, isConnectorError, type ConnectorErrorCode } from '../connector-error';
import { errorFromXAnswer, parseJson, TWEET_FIELDS, USER_FIELDS } from './api';
import { xSourceState, type XSourceConfig } from './config';
import { readBudgetStatus } from './read-budget';
import { createLineSplitter, readStreamLine } from './stream-lines';
import { z } from 'zod';
import { waitOrAbort } from '../kit/wait-or-abort';

/** Failures that reconnecting cannot fix: the stream stops and the source's health says why. */
const FATAL: ReadonlySet<ConnectorErrorCode> = new Set(['auth_expired', 'forbidden', 'not_found', 'invalid_request', 'blocked_url', 'rate_limited']);

const rulesAnswer = z.object({ data: z.array(z.object({ id: z.string(), value: z.string(), tag: z.string().optional() })).optional() });

export interface FilteredStreamOptions {
  /** First reconnection delay; doubles after each failed connection. Default 1 s. */
  reconnectBaseMs?: number;
  /** Cap of the reconnection delay. Default 5 minutes (X asks for exponential backoff). */
  reconnectMaxMs?: number;
}

function authHeaders(token: string): Record<string, string> {
  return { accept: 'application/json', authorization: `Bearer ${token}` };
}

async function sendJson(ctx: ConnectorContext, url: string, token: string, body?: unknown): Promise<unknown> {
  const headers = authHeaders(token);
  const res =
    body === undefined
      ? await ctx.http.get(url, { headers, signal: ctx.signal, throwHttpErrors: false })
      : await ctx.http.post(url, JSON.stringify(body), { headers: { ...headers, 'content-type': 'application/json' }, signal: ctx.signal, throwHttpErrors: false });
  const error = errorFromXAnswer(res, url, ctx.now());
  if (error !== undefined) throw error;
  return parseJson(res, url);
}

/**
 * The id of the stream rule for this query, added when the app has none with the same value
 * (`GET` then `POST /2/tweets/search/stream/rules`).
 *
 * @example
 * const ruleId = await ensureRule(ctx, X_API_BASE, token, 'vigie lang:fr'); // '1861400000000009001'
 */
export async function ensureRule(ctx: ConnectorContext, base: string, token: string, query: string): Promise<string> {
  const url = `${base}/2/tweets/search/stream/rules`;
  const existing = rulesAnswer.safeParse(await sendJson(ctx, url, token));
  if (!existing.success) throw new ConnectorError('invalid_payload', `${url} did not return the list of stream rules`);
  const found = existing.data.data?.find((rule) => rule.value === query);
  if (found !== undefined) return found.id;
  const added = rulesAnswer.safeParse(await sendJson(ctx, url, token, { add: [{ value: query, tag: `vigie: ${query}`.slice(0, 128) }] }));
  const rule = added.success ? added.data.data?.find((r) => r.value === query) : undefined;
  if (rule === undefined) throw new ConnectorError('invalid_request', `X did not accept the stream rule "${query}" / X a refusé la règle de flux « ${query} »`);
  return rule.id;
}

/**
 * The stream capability over X's filtered stream: the source's query becomes a stream rule, and
 * posts matching it arrive as mentions (posts matching only other rules of the same app are left
 * out). Each post counts against the monthly read budget, from the state's count; once spent the
 * stream ends with `rate_limited`. Keep-alives and disconnect messages are handled; a dropped
 * connection reconnects with exponential backoff; a refusal retrying cannot fix ends the stream.
 * X allows one connection per app on self-serve plans: stream one source per app, poll the others.
 *
 * @example
 * await createFilteredStream(X_API_BASE)(ctx, { config, state }, async (mention) => ingest(mention));
 */
export function createFilteredStream(base: string, options: FilteredStreamOptions = {}) {
  const baseDelay = options.reconnectBaseMs ?? 1_000;
  const maxDelay = options.reconnectMaxMs ?? 300_000;
  return async function streamFiltered(ctx: ConnectorContext, source: SourceInput<XSourceConfig>, onMention: (mention: MentionInput) => Promise<void>): Promise<void> {
    const { config } = source;
    const state = xSourceState.safeParse(source.state);
    let used = readBudgetStatus(config.monthlyReadBudget, state.success ? state.data.reads : undefined, ctx.now()).used;
    const ruleId = await ensureRule(ctx, base, config.bearerToken, config.query);
    const url = new URL(`${base}/2/tweets/search/stream`);
    url.searchParams.set('tweet.fields', TWEET_FIELDS);
    url.searchParams.set('expansions', 'author_id');
    url.searchParams.set('user.fields', USER_FIELDS);
    let delay = baseDelay;
    while (!ctx.signal.aborted) {
      try {
        const res = await ctx.http.stream(url.href, { headers: authHeaders(config.bearerToken), signal: ctx.signal });
        const decoder = new TextDecoder('utf-8');
        const lines: string[] = [];
        const splitter = createLineSplitter((line) => lines.push(line), (reason) => ctx.log('warn', `X stream: ${reason}`));
        for await (const chunk of res.body) {
          splitter.push(decoder.decode(chunk, { stream: true }));
          for (const line of lines.splice(0)) {
            const item = readStreamLine(line);
            if ('disconnect' in item) ctx.log('warn', `X stream disconnect: ${item.disconnect}`);
            else if ('skipped' in item) ctx.log('info', `skipped a streamed X post: ${item.skipped.reason}`, { externalId: item.skipped.externalId });
            else if (item.ruleIds.includes(ruleId)) {
              used += 1;
              if (used > config.monthlyReadBudget) {
                const { resetsAt } = readBudgetStatus(config.monthlyReadBudget, { month: ctx.now().toISOString().slice(0, 7), count: used }, ctx.now());
                throw new ConnectorError('rate_limited', `monthly read budget of ${config.monthlyReadBudget} posts used up / budget mensuel de ${config.monthlyReadBudget} posts épuisé`, {
                  retryAfterMs: Date.parse(resetsAt) - ctx.now().getTime(),
                });
              }
              await onMention(item.mention);
              delay = baseDelay;
            }
          }
        }
      } catch (error) {
        if (ctx.signal.aborted) return;
        if (!isConnectorError(error) || FATAL.has(error.code)) throw error;
        ctx.log('warn', `X stream dropped (${error.code}): ${error.message}; reconnecting in ${delay} ms`);
      }
      await waitOrAbort(delay, ctx.signal);
      delay = Math.min(maxDelay, delay * 2);
    }
  };
}
