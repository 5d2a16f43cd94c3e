/**
 * `backfillDays` on a new source: the connector's backfill runs once, with the account's token,
 * and a connector without backfill is refused before anything is created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInstance } from '../test/mastodon-instance';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { runBackfill } from './backfill-source.job';

describe('backfill of a new source', () => {
  let t: TestVigie;
  let instance: Awaited<ReturnType<typeof startInstance>>;
  beforeAll(async () => {
    t = await createTestVigie();
    instance = await startInstance();
  });
  afterAll(async () => {
    await instance.close();
    await t.close();
  });

  it('fetches the last N days once through the connector, with the account token', async () => {
    const account = await t.call('POST', '/api/accounts', { connector: 'mastodon', config: { instance: instance.origin, token: 'good-token-123' } });
    const created = await t.call('POST', '/api/sources', { connector: 'mastodon', accountId: account.json.id, config: { instance: instance.origin, hashtag: 'histoire' }, backfillDays: 30 });
    expect(created.status).toBe(201);
    const ws = t.vigie.defaultWorkspace.id;
    const sourceId = String(created.json.id);
    const until = Date.now() + 10_000;
    while ((await t.vigie.store.mentions.count(ws, { sourceId })) === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    expect(await t.vigie.store.mentions.count(ws, { sourceId })).toBeGreaterThan(0);
    expect(instance.requests.some((r) => r.url.startsWith('/api/v1/timelines/tag/histoire') && r.authorization === 'Bearer good-token-123')).toBe(true);

    // Run again by hand: the upsert absorbs the overlap, nothing is stored twice.
    const before = await t.vigie.store.mentions.count(ws, { sourceId });
    const again = await runBackfill({ store: t.vigie.store, ingest: t.vigie.ingest, http: (await import('@vigie/connectors')).createHttpClient({ allowPrivate: true }), log: t.vigie.log, secrets: t.vigie.secrets, now: () => new Date() }, (await t.vigie.store.sources.get(ws, sourceId))!, 30);
    expect(again.error).toBeUndefined();
    expect(again.inserted).toBe(0);
    expect(await t.vigie.store.mentions.count(ws, { sourceId })).toBe(before);
  });

  it('refuses backfillDays for a connector that cannot go back, creating nothing', async () => {
    const before = (await t.call('GET', '/api/sources')).json.items?.length;
    const refused = await t.call('POST', '/api/sources', { connector: 'rss', url: `${instance.origin}/feed.xml`, backfillDays: 7 });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('backfillDays');
    expect((await t.call('GET', '/api/sources')).json.items?.length).toBe(before);
  });
});
