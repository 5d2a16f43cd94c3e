/**
 * `POST /api/sources/test`: the form's "Test" button. One poll against a local fixture server,
 * the first five items shown, and nothing stored — no source, no mention, no state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, rssFeed, startFeedServer, type TestVigie } from '../test/test-vigie';

const items = Array.from({ length: 7 }, (_, i) => ({ guid: `post-${i}`, title: `Billet numéro ${i} sur Vigie`, description: `Texte du billet ${i}` }));

describe('testing source settings before saving them', () => {
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  const opened: TestVigie[] = [];
  beforeAll(async () => {
    feeds = await startFeedServer({ '/blog.xml': { body: rssFeed(items) }, '/broken.xml': { body: '<rss><channel><item>' }, '/gone.xml': { status: 410, body: 'gone' } });
  });
  afterAll(() => feeds.close());
  afterEach(async () => {
    for (const t of opened.splice(0)) await t.close();
  });
  const open = async (overrides: Parameters<typeof createTestVigie>[0] = {}): Promise<TestVigie> => {
    const t = await createTestVigie(overrides);
    opened.push(t);
    return t;
  };

  it('shows the first five items of a working feed and stores nothing', async () => {
    const t = await open();
    const { status, json } = await t.call('POST', '/api/sources/test', { connector: 'rss', config: { url: `${feeds.origin}/blog.xml` } });
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, fetched: 7 });
    const sample = json.sample as { title: string; connector: string; raw?: unknown }[];
    expect(sample.map((m) => m.title)).toEqual(items.slice(0, 5).map((i) => i.title));
    expect(sample[0]).not.toHaveProperty('raw');
    expect((await t.call('GET', '/api/sources')).json.items).toEqual([]);
    expect((await t.call('GET', '/api/mentions')).json.items).toEqual([]);
    // Testing is not adding: the same feed can be tested again, then added.
    expect((await t.call('POST', '/api/sources/test', { connector: 'rss', url: `${feeds.origin}/blog.xml` })).json.ok).toBe(true);
    expect((await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/blog.xml` })).status).toBe(201);
  });

  it('reports a failing feed with the connector code instead of an HTTP error', async () => {
    const t = await open();
    const gone = await t.call('POST', '/api/sources/test', { connector: 'rss', config: { url: `${feeds.origin}/gone.xml` } });
    expect(gone.status).toBe(200);
    expect(gone.json).toMatchObject({ ok: false, fetched: 0, sample: [], error: { code: 'not_found' } });
    const broken = await t.call('POST', '/api/sources/test', { connector: 'rss', config: { url: `${feeds.origin}/broken.xml` } });
    expect(broken.json.ok).toBe(false);
    expect((broken.json.error as { message: string }).message).not.toBe('');
  });

  it('refuses invalid settings with the field, and a private address before calling it', async () => {
    const t = await open();
    const bad = await t.call('POST', '/api/sources/test', { connector: 'mastodon', config: { instance: 'https://mastodon.example', hashtag: 'pas un mot-dièse' } });
    expect(bad.status).toBe(400);
    expect((bad.json.error as { details: { field: string }[] }).details.map((d) => d.field)).toContain('config.hashtag');

    const strict = await open({ allowPrivateUrls: false });
    const ssrf = await strict.call('POST', '/api/sources/test', { connector: 'rss', config: { url: `${feeds.origin}/blog.xml` } });
    expect(ssrf.status).toBe(400);
    expect((ssrf.json.error as { details: { field: string }[] }).details[0]?.field).toBe('config.url');
  });
});
