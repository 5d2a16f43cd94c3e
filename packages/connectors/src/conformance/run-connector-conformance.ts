/**
 * The one suite every connector runs (like Hono's common.case.test.ts): a fixture server on
 * 127.0.0.1 replays recorded responses, and each case checks what a user would notice — items
 * arrive once, errors are classified and readable, nothing but a ConnectorError ever escapes.
 * Skipping a case needs a written reason.
 */
import { checkMentionInput, type MentionInput, type SourceState } from '@vigie/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AnyConnector, ConnectorContext, PollResult } from '../connector';
import { ConnectorError } from '../connector-error';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { startFixtureServer, type FixtureRoute, type FixtureServer } from './fixture-server';

/** A case the connector does not support, and why (shown in the test name). */
export interface Skipped {
  skip: string;
}

export interface ConformanceFixtures {
  /** A normal page and how many mentions it must yield. */
  happy: { route: FixtureRoute; mentions: number };
  /** A valid answer with no items. */
  empty: FixtureRoute;
  /** A broken payload: must yield skipped items or an `invalid_payload` error, nothing else. */
  malformed: FixtureRoute;
  /** Two successive answers: `after` edits `editedIds`, drops `deletedIds`, adds `newIds`. */
  edits: { before: FixtureRoute; after: FixtureRoute; editedIds: string[]; newIds: string[]; deletedIds: string[] } | Skipped;
  /** Several pages behind one poll (or successive polls) and the total of distinct mentions. */
  pagination: { route: FixtureRoute; mentions: number; polls: number } | Skipped;
  /** Body of an error answer when the API documents one (e.g. `{"error":"invalid_token"}`). */
  errorBodies?: Partial<Record<401 | 403 | 429 | 500 | 503, { body: string; headers?: Record<string, string> }>>;
  /** Required when the connector declares `reply` (else a case fails): how one reply is answered. */
  reply?: ReplyFixtures | Skipped;
}

/**
 * One reply, as the network answers it: the calls before the write (a session, a lookup) and the
 * write itself, where the error cases are served.
 *
 * @example
 * { routes: { '/2/tweets': created }, path: '/2/tweets', account: () => ({ userAccessToken: 't…' }), inReplyToExternalId: '1861400000000000014',
 *   expected: { externalId: '1861400000000000099', url: 'https://x.com/i/web/status/1861400000000000099' } }
 */
export interface ReplyFixtures {
  /** Every route of a successful reply, the write's included. */
  routes: Record<string, FixtureRoute>;
  /** The path (without query) of the write; the error answers are served there. */
  path: string;
  /** The account, before validation by the connector's `accountConfig`. */
  account: (server: FixtureServer) => unknown;
  inReplyToExternalId: string;
  expected: { externalId: string; url?: string };
  /** Documented error bodies of the write; defaults to `errorBodies`. */
  errorBodies?: ConformanceFixtures['errorBodies'];
}

/**
 * @example
 * runConnectorConformance({
 *   connector: () => rss,
 *   path: '/feed',
 *   source: (server) => ({ config: { url: server.url('/feed') }, state: {} }),
 *   fixtures: { happy: { route: { status: 200, body: xml }, mentions: 3 }, empty, malformed, edits, pagination: { skip: 'feeds are not paginated' } },
 * });
 */
export interface ConformanceOptions {
  /** The connector under test; given the server origin for connectors with an injectable API base URL. */
  connector: (origin: string) => AnyConnector;
  /** The path (without query) the connector requests; fixtures are served there. */
  path: string;
  source: (server: FixtureServer) => { config: unknown; state: SourceState };
  fixtures: ConformanceFixtures;
}

const MAX_BODY_BYTES = 256 * 1024;
/** Generous for loopback on a loaded shared machine; the timeout case waits past it. */
const TIMEOUT_MS = 1_000;

function makeContext(http: HttpClient, logs: string[]): ConnectorContext {
  return {
    http,
    signal: new AbortController().signal,
    now: () => new Date('2026-11-26T12:00:00Z'),
    log: (level, message) => {
      logs.push(`${level}: ${message}`);
    },
  };
}

/** A JSON round trip, as the store does between two polls (a restart). */
function persisted(state: SourceState): SourceState {
  return JSON.parse(JSON.stringify(state)) as SourceState;
}

function expectUsable(mentions: MentionInput[], connectorId: string): void {
  for (const mention of mentions) {
    expect(checkMentionInput(mention), `mention ${mention.externalId}`).toBeUndefined();
    expect(mention.connector).toBe(connectorId);
    if (mention.html !== undefined) expect(mention.html).not.toMatch(/<script|\son\w+=|javascript:/i);
  }
}

export function runConnectorConformance(options: ConformanceOptions): void {
  const { fixtures } = options;
  describe('connector conformance', () => {
    let server: FixtureServer;
    let http: HttpClient;
    let connector: AnyConnector;
    const logs: string[] = [];

    async function poll(route: FixtureRoute, state?: SourceState): Promise<PollResult> {
      server.route(options.path, route);
      const source = options.source(server);
      const fetch = connector.capabilities.poll?.fetch;
      if (fetch === undefined) throw new Error(`${connector.id} has no poll capability`);
      return fetch(makeContext(http, logs), { config: connector.sourceConfig.parse(source.config), state: state ?? source.state });
    }

    async function pollError(route: FixtureRoute): Promise<ConnectorError> {
      const error = await poll(route).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, 'expected a ConnectorError').toBeInstanceOf(ConnectorError);
      return error as ConnectorError;
    }

    function errorAnswer(status: 401 | 403 | 429 | 500 | 503, headers: Record<string, string> = {}): FixtureRoute {
      const documented = fixtures.errorBodies?.[status];
      return { status, headers: { ...documented?.headers, ...headers }, body: documented?.body ?? '' };
    }

    beforeAll(async () => {
      server = await startFixtureServer();
      http = createHttpClient({ allowPrivate: true, maxBodyBytes: MAX_BODY_BYTES, timeoutMs: TIMEOUT_MS });
      connector = options.connector(server.origin);
    });

    afterAll(async () => {
      await http.close();
      await server.close();
    });

    it('declares its capabilities as data and a JSON-Schema-able source config', () => {
      expect(Object.keys(connector.capabilities).length).toBeGreaterThan(0);
      expect(connector.defaultPollIntervalSec).toBeGreaterThan(0);
      expect(connector.describeSource(connector.sourceConfig.parse(options.source(server).config))).not.toBe('');
      // The settings form is rendered from this schema: it must convert.
      expect(z.toJSONSchema(connector.sourceConfig, { io: 'input' })).toMatchObject({ type: 'object' });
      if (connector.accountConfig !== undefined) expect(z.toJSONSchema(connector.accountConfig, { io: 'input' })).toMatchObject({ type: 'object' });
    });

    it('normalises a happy page into usable mentions', async () => {
      const result = await poll(fixtures.happy.route);
      expect(result.mentions).toHaveLength(fixtures.happy.mentions);
      expectUsable(result.mentions, connector.id);
      expect(persisted(result.state)).toEqual(result.state);
    });

    it('neither duplicates nor loses items across a restart (state persisted as JSON)', async () => {
      const first = await poll(fixtures.happy.route);
      const second = await poll(fixtures.happy.route, persisted(first.state));
      const firstIds = new Set(first.mentions.map((m) => m.externalId));
      expect(second.mentions.filter((m) => firstIds.has(m.externalId))).toEqual([]);
    });

    it('accepts an empty page', async () => {
      const result = await poll(fixtures.empty);
      expect(result.mentions).toEqual([]);
    });

    const edits = fixtures.edits;
    if ('skip' in edits) {
      it.skip(`emits edits and new items, not deleted ones — skipped: ${edits.skip}`, () => undefined);
    } else {
      it('emits edited and new items once, never deleted ones', async () => {
        const before = await poll(edits.before);
        const after = await poll(edits.after, persisted(before.state));
        const ids = after.mentions.map((m) => m.externalId).sort();
        expect(ids).toEqual([...edits.editedIds, ...edits.newIds].sort());
        for (const id of edits.deletedIds) expect(ids).not.toContain(id);
        const again = await poll(edits.after, persisted(after.state));
        expect(again.mentions).toEqual([]);
      });
    }

    const pagination = fixtures.pagination;
    if ('skip' in pagination) {
      it.skip(`follows pagination — skipped: ${pagination.skip}`, () => undefined);
    } else {
      it('follows pagination with a persisted cursor', async () => {
        let state: SourceState | undefined;
        const ids = new Set<string>();
        for (let i = 0; i < pagination.polls; i += 1) {
          const result = await poll(pagination.route, state);
          for (const m of result.mentions) {
            expect(ids.has(m.externalId), `duplicate ${m.externalId}`).toBe(false);
            ids.add(m.externalId);
          }
          state = persisted(result.state);
        }
        expect(ids.size).toBe(pagination.mentions);
      });
    }

    it('classifies 429 with Retry-After as rate_limited with the delay', async () => {
      const error = await pollError(errorAnswer(429, { 'retry-after': '120' }));
      expect(error).toMatchObject({ code: 'rate_limited', retryAfterMs: 120_000 });
    });

    it('classifies 429 without Retry-After as rate_limited with no delay invented', async () => {
      const error = await pollError(errorAnswer(429));
      expect(error.code).toBe('rate_limited');
      expect(error.retryAfterMs).toBeUndefined();
    });

    it('classifies 401 as auth_expired and 403 as forbidden', async () => {
      expect((await pollError(errorAnswer(401))).code).toBe('auth_expired');
      expect((await pollError(errorAnswer(403))).code).toBe('forbidden');
    });

    it('classifies 5xx as upstream_unavailable with a readable message', async () => {
      const error = await pollError(errorAnswer(503, { 'retry-after': '30' }));
      expect(error).toMatchObject({ code: 'upstream_unavailable', retryAfterMs: 30_000 });
      expect(error.message).toMatch(/^HTTP 503 from http:\/\/127\.0\.0\.1:\d+/);
      expect((await pollError(errorAnswer(500))).code).toBe('upstream_unavailable');
    });

    it('skips a malformed payload or reports invalid_payload, and throws nothing else', async () => {
      const outcome = await poll(fixtures.malformed).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      if ('error' in outcome) {
        expect(outcome.error).toBeInstanceOf(ConnectorError);
        expect((outcome.error as ConnectorError).code).toBe('invalid_payload');
      } else {
        expect(outcome.result.skipped.length).toBeGreaterThan(0);
        expect(outcome.result.skipped.every((s) => s.reason !== '')).toBe(true);
      }
    });

    it('refuses an oversized body as too_large', async () => {
      const error = await pollError({ status: 200, headers: { 'content-type': 'application/octet-stream' }, streamBytes: MAX_BODY_BYTES * 4 });
      expect(error.code).toBe('too_large');
      expect(error.message).toContain('exceeded 256 KB');
    });

    it('gives up on a server that does not answer in time', async () => {
      const error = await pollError({ status: 200, body: '', delayMs: TIMEOUT_MS * 2 });
      expect(error.code).toBe('timeout');
    });

    const reply = fixtures.reply;
    if (reply !== undefined && 'skip' in reply) {
      it.skip(`replies — skipped: ${reply.skip}`, () => undefined);
    } else if (reply === undefined) {
      it('declares reply only with reply fixtures to test it', () => {
        expect(connector.capabilities.reply, 'the connector declares reply: give `fixtures.reply` (or a skip reason)').toBeUndefined();
      });
    } else {
      const replyOnce = async (write?: FixtureRoute): Promise<unknown> => {
        for (const [path, route] of Object.entries(reply.routes)) server.route(path, route);
        if (write !== undefined) server.route(reply.path, write);
        const capability = connector.capabilities.reply;
        if (capability === undefined) throw new Error(`${connector.id} has no reply capability`);
        if (connector.accountConfig === undefined) throw new Error(`${connector.id} declares reply without an accountConfig`);
        const account = connector.accountConfig.parse(reply.account(server));
        return capability.reply(makeContext(http, logs), { account, inReplyToExternalId: reply.inReplyToExternalId, text: 'Merci pour votre retour !', idempotencyKey: 'draft-1' }).then(
          (ref) => ref,
          (e: unknown) => e,
        );
      };
      const replyError = (status: 401 | 403 | 429, headers: Record<string, string> = {}): FixtureRoute => {
        const documented = (reply.errorBodies ?? fixtures.errorBodies)?.[status];
        return { status, headers: { ...documented?.headers, ...headers }, body: documented?.body ?? '' };
      };

      it('replies and returns the id and address of the reply', async () => {
        const outcome = await replyOnce();
        expect(outcome).toEqual(reply.expected);
        expect(server.requests.some((r) => r.method === 'POST' && r.path.split('?')[0] === reply.path)).toBe(true);
        expect(connector.accountConfig && z.toJSONSchema(connector.accountConfig, { io: 'input' })).toMatchObject({ type: 'object' });
      });

      it('classifies a refused reply: 401 auth_expired, 403 forbidden, 429 rate_limited with the delay', async () => {
        expect(await replyOnce(replyError(401))).toMatchObject({ code: 'auth_expired' });
        expect(await replyOnce(replyError(403))).toMatchObject({ code: 'forbidden' });
        expect(await replyOnce(replyError(429, { 'retry-after': '120' }))).toMatchObject({ code: 'rate_limited', retryAfterMs: 120_000 });
      });

      it('reports an unreadable answer to a reply as invalid_payload, never a crash', async () => {
        for (const body of ['{}', '<html>oops</html>', '{"data":']) {
          const outcome = await replyOnce({ status: 200, headers: { 'content-type': 'application/json' }, body });
          expect(outcome, body).toBeInstanceOf(ConnectorError);
          expect((outcome as ConnectorError).code, body).toBe('invalid_payload');
        }
      });
    }

    it('refuses private addresses unless allowed (SSRF)', async () => {
      server.route(options.path, fixtures.happy.route);
      const strict = createHttpClient({ allowPrivate: false });
      const source = options.source(server);
      const fetch = connector.capabilities.poll?.fetch;
      const error = await fetch?.(makeContext(strict, logs), { config: connector.sourceConfig.parse(source.config), state: source.state }).then(
        () => undefined,
        (e: unknown) => e,
      );
      await strict.close();
      expect(error).toBeInstanceOf(ConnectorError);
      expect((error as ConnectorError).code).toBe('blocked_url');
    });
  });
}
