import type { SourceState } from '@vigie/core';
import type { AnyConnector, ConnectorContext, PollResult } from './connector';
import { isConnectorError, type ConnectorErrorCode } from './connector-error';

/**
 * What a worker gets from one poll: never a throw. Failures carry the stable code and readable
 * message for the source's health, plus what the scheduler needs (Retry-After, re-auth).
 * Shaped to feed core's `nextHealth` (add the ingest counts).
 */
export type PollOutcomeResult =
  | { ok: true; result: PollResult; durationMs: number }
  | {
      ok: false;
      error: { code: ConnectorErrorCode | 'internal'; message: string };
      retryAfterMs?: number;
      needsReauth?: boolean;
      durationMs: number;
    };

/**
 * Validates the source config with the connector's schema, runs its poll capability and turns
 * every failure into an outcome. A non-ConnectorError is a bug in a connector: it is logged with
 * its stack and reported as `internal`, and the worker goes on with the other sources.
 *
 * @example
 * const outcome = await runPoll(getConnector('rss')!, ctx, { config: source.config, state: source.state });
 * if (!outcome.ok) health = nextHealth(health, { ok: false, error: outcome.error, retryAfterMs: outcome.retryAfterMs, durationMs: outcome.durationMs }, interval, now);
 */
export async function runPoll(connector: AnyConnector, ctx: ConnectorContext, source: { config: unknown; state: SourceState }): Promise<PollOutcomeResult> {
  const started = Date.now();
  const elapsed = (): number => Date.now() - started;
  const poll = connector.capabilities.poll;
  if (poll === undefined) {
    return { ok: false, error: { code: 'invalid_request', message: `the ${connector.name} connector cannot poll sources` }, durationMs: elapsed() };
  }
  const config = connector.sourceConfig.safeParse(source.config);
  if (!config.success) {
    const problems = config.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`).join('; ');
    return { ok: false, error: { code: 'invalid_request', message: `the source settings are invalid: ${problems}` }, durationMs: elapsed() };
  }
  try {
    const result = await poll.fetch(ctx, { config: config.data, state: source.state });
    return { ok: true, result, durationMs: elapsed() };
  } catch (error) {
    if (isConnectorError(error)) {
      ctx.log('warn', error.message, { code: error.code, status: error.status });
      return {
        ok: false,
        error: { code: error.code, message: error.message },
        ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
        ...(error.code === 'auth_expired' ? { needsReauth: true } : {}),
        durationMs: elapsed(),
      };
    }
    if (ctx.signal.aborted) throw error;
    ctx.log('error', `bug in the ${connector.id} connector: ${(error as Error).message}`, { stack: (error as Error).stack });
    return { ok: false, error: { code: 'internal', message: `unexpected error in the ${connector.name} connector` }, durationMs: elapsed() };
  }
}
