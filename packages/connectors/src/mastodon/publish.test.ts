import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../conformance/fixture-server';
import type { ConnectorContext } from '../connector';
import { createHttpClient, type HttpClient } from '../kit/http-client';
import { mastodon } from './index';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const json = { 'content-type': 'application/json; charset=utf-8' };
/** What POST /api/v1/statuses answers: the created Status (https://docs.joinmastodon.org/methods/statuses/#create). */
const created = JSON.stringify((JSON.parse(fixture('tag-timeline-newer.json')) as unknown[])[0]);
const TARGET = 'https://mastodon.example/users/alice/statuses/113500000000000105';

let server: FixtureServer;
let http: HttpClient;
let ctx: ConnectorContext;
const account = () => ({ instance: server.origin, token: 'write-token-123' });

beforeAll(async () => {
  server = await startFixtureServer();
  http = createHttpClient({ allowPrivate: true, timeoutMs: 2_000 });
  ctx = { http, signal: new AbortController().signal, now: () => new Date('2026-11-25T12:00:00.000Z'), log: () => undefined };
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('mastodon publish and reply', () => {
  it('publishes with the token and an idempotency key derived from the text', async () => {
    server.route('/api/v1/statuses', { status: 200, headers: json, body: created });
    const ref = await mastodon.capabilities.publish!.publish(ctx, { account: account(), text: 'Nouvelle version !' });
    expect(ref).toEqual({ externalId: 'https://mastodon.example/users/alice/statuses/113500000000000107', url: 'https://mastodon.example/@alice/113500000000000107' });
    const first = server.requests.at(-1);
    expect(first).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer write-token-123', 'content-type': 'application/json' } });
    await mastodon.capabilities.publish!.publish(ctx, { account: account(), text: 'Nouvelle version !' });
    expect(server.requests.at(-1)?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    await mastodon.capabilities.publish!.publish(ctx, { account: account(), text: 'Autre texte' });
    expect(server.requests.at(-1)?.headers['idempotency-key']).not.toBe(first?.headers['idempotency-key']);
  });

  it('sends the caller’s idempotency key (a draft id) when one is given', async () => {
    server.route('/api/v1/statuses', { status: 200, headers: json, body: created });
    await mastodon.capabilities.publish!.publish(ctx, { account: account(), text: 'Nouvelle version !', idempotencyKey: 'draft-42' });
    expect(server.requests.at(-1)?.headers['idempotency-key']).toBe('draft-42');
  });

  it('refuses media, and reports a refused text as invalid_request', async () => {
    await expect(mastodon.capabilities.publish!.publish(ctx, { account: account(), text: 'x', mediaUrls: ['https://img.example/a.png'] })).rejects.toMatchObject({ code: 'invalid_request' });
    server.route('/api/v1/statuses', { status: 422, headers: json, body: '{"error":"Validation failed: Text character limit of 500 exceeded"}' });
    await expect(mastodon.capabilities.publish!.publish(ctx, { account: account(), text: 'x'.repeat(600) })).rejects.toMatchObject({ code: 'invalid_request', status: 422 });
  });

  it('replies by resolving the mention’s uri to the instance’s own id first', async () => {
    server.route('/api/v2/search', { status: 200, headers: json, body: fixture('search-statuses.json') });
    server.route('/api/v1/statuses', { status: 200, headers: json, body: created });
    const ref = await mastodon.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: TARGET, text: 'Merci !' });
    expect(ref.externalId).toBe('https://mastodon.example/users/alice/statuses/113500000000000107');
    const search = server.requests.at(-2);
    expect(new URL(search?.path ?? '/', 'http://x').searchParams.get('q')).toBe(TARGET);
    expect(new URL(search?.path ?? '/', 'http://x').searchParams.get('resolve')).toBe('true');
    expect(server.requests.at(-1)?.method).toBe('POST');
  });

  it('says not_found when the instance cannot see the status, and auth_expired for a revoked token', async () => {
    server.route('/api/v2/search', { status: 200, headers: json, body: '{"accounts":[],"statuses":[],"hashtags":[]}' });
    await expect(mastodon.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: TARGET, text: 'Merci !' })).rejects.toMatchObject({ code: 'not_found' });
    server.route('/api/v2/search', { status: 401, headers: json, body: fixture('error-invalid-token.json') });
    await expect(mastodon.capabilities.reply!.reply(ctx, { account: account(), inReplyToExternalId: TARGET, text: 'Merci !' })).rejects.toMatchObject({ code: 'auth_expired' });
  });
});
