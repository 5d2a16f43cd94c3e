import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestVigie, rssFeed, startFeedServer, type TestVigie } from './test/test-vigie';

describe('Vigie API', () => {
  let t: TestVigie;
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;

  beforeAll(async () => {
    feeds = await startFeedServer({
      '/blog.xml': {
        body: rssFeed([
          { guid: 'p1', title: 'Vigie à l’École', description: 'Les élèves adorent &lt;b&gt;Vigie&lt;/b&gt;, super outil !' },
          { guid: 'p2', title: 'Offre d’emploi', description: 'Vigie recrute un développeur' },
          { guid: 'p3', title: 'Météo', description: 'Il pleut sur Paris' },
        ]),
      },
      '/broken.xml': { body: '<rss><channel><item><title>oops</title></chan' },
    });
  });
  afterAll(() => feeds.close());
  beforeEach(async () => {
    t = await createTestVigie();
  });
  afterEach(() => t.close());

  it('answers health with the database kind', async () => {
    const { status, json } = await t.call('GET', '/api/health');
    expect(status).toBe(200);
    expect(json).toMatchObject({ status: 'ok', database: 'sqlite' });
  });

  it('publishes an OpenAPI document listing the routes', async () => {
    const { status, json } = await t.call('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(json.paths as object)).toEqual(expect.arrayContaining(['/topics', '/sources/{id}/fetch', '/mentions', '/queries/preview']));
  });

  it('refuses an invalid topic with the field and the reason', async () => {
    const bad = await t.call('POST', '/api/topics', { name: '', kind: 'celebrity', queries: [] });
    expect(bad.status).toBe(400);
    const error = bad.json.error as { code: string; details: { field: string }[] };
    expect(error.code).toBe('validation_failed');
    expect(error.details.map((d) => d.field).sort()).toEqual(['kind', 'name']);
  });

  it('refuses a query that does not parse, pointing at the column', async () => {
    const bad = await t.call('POST', '/api/topics', { name: 'Vigie', kind: 'brand', queries: ['vigie AND (outil OR'] });
    expect(bad.status).toBe(400);
    const error = bad.json.error as { code: string; details: { field: string; column: number }[] };
    expect(error.code).toBe('query_syntax');
    expect(error.details[0]).toMatchObject({ field: 'queries.0' });
    expect(error.details[0]!.column).toBeGreaterThan(0);
  });

  it('adds a feed, fetches it, matches topics, and never duplicates on a second fetch', async () => {
    const topic = await t.call('POST', '/api/topics', { name: 'Vigie', kind: 'brand', queries: ['vigie'], exclusions: 'recrute OR emploi' });
    expect(topic.status).toBe(201);
    const source = await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/blog.xml` });
    expect(source.status).toBe(201);
    const id = source.json.id as string;

    const first = await t.call('POST', `/api/sources/${id}/fetch`);
    expect(first.json).toMatchObject({ fetched: 3, inserted: 3 });
    const second = await t.call('POST', `/api/sources/${id}/fetch`);
    expect(second.json).toMatchObject({ inserted: 0 });

    const all = await t.call('GET', '/api/mentions');
    expect(all.json.items).toHaveLength(3);
    const byTopic = await t.call('GET', `/api/mentions?topic=${topic.json.id as string}`);
    expect(byTopic.json.items!.map((m) => m.title)).toEqual(['Vigie à l’École']);
    const html = byTopic.json.items![0]!.text as string;
    expect(html).not.toContain('<b>');

    const search = await t.call('GET', '/api/mentions?search=ecole');
    expect(search.json.items!.map((m) => m.title)).toEqual(['Vigie à l’École']);

    const health = await t.call('GET', `/api/sources/${id}`);
    expect(health.json.health).toMatchObject({ status: 'ok', consecutiveFailures: 0 });
  });

  it('marks a broken feed as failing with a readable message, and keeps the other sources working', async () => {
    const broken = await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/broken.xml` });
    const missing = await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/gone.xml` });
    const good = await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/blog.xml` });
    const brokenRun = await t.call('POST', `/api/sources/${broken.json.id as string}/fetch`);
    expect((brokenRun.json.error as { code: string }).code).toBe('invalid_payload');
    const missingRun = await t.call('POST', `/api/sources/${missing.json.id as string}/fetch`);
    expect((missingRun.json.error as { code: string; message: string }).code).toBe('not_found');
    const goodRun = await t.call('POST', `/api/sources/${good.json.id as string}/fetch`);
    expect(goodRun.json.inserted).toBe(3);
    const health = (await t.call('GET', `/api/sources/${missing.json.id as string}`)).json.health as { status: string; lastError: { message: string }; nextRunAt: string };
    expect(health.status).toBe('failing');
    expect(health.lastError.message).toMatch(/404/);
    expect(Date.parse(health.nextRunAt)).toBeGreaterThan(Date.now());
  });

  it('refuses a second copy of the same feed', async () => {
    await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/blog.xml` });
    const again = await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/blog.xml` });
    expect(again.status).toBe(409);
  });

  it('paginates mentions with a cursor, without gaps or repeats', async () => {
    const source = await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/blog.xml` });
    await t.call('POST', `/api/sources/${source.json.id as string}/fetch`);
    const page1 = await t.call('GET', '/api/mentions?limit=2');
    expect(page1.json.items).toHaveLength(2);
    const page2 = await t.call('GET', `/api/mentions?limit=2&cursor=${encodeURIComponent(page1.json.nextCursor as string)}`);
    expect(page2.json.items).toHaveLength(1);
    expect(page2.json.nextCursor).toBeNull();
    const ids = [...page1.json.items!, ...page2.json.items!].map((m) => m.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('validates and previews a query over stored mentions with highlights', async () => {
    const source = await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/blog.xml` });
    await t.call('POST', `/api/sources/${source.json.id as string}/fetch`);
    const invalid = await t.call('POST', '/api/queries/validate', { query: '"vigie' });
    expect(invalid.json).toMatchObject({ valid: false });
    expect((invalid.json.error as { column: number }).column).toBeGreaterThan(0);
    const valid = await t.call('POST', '/api/queries/validate', { query: 'vigie   AND outil' });
    expect(valid.json.valid).toBe(true);
    expect((valid.json.tokens as unknown[]).length).toBeGreaterThan(0);
    const preview = await t.call('POST', '/api/queries/preview', { query: 'vigie -recrute', days: 30 });
    expect(preview.json.count).toBe(1);
    const item = (preview.json.items as { mention: { title: string; text: string }; highlights: { field: 'text' | 'title'; start: number; end: number }[] }[])[0]!;
    const spans = item.highlights.map((h) => item.mention[h.field].slice(h.start, h.end).toLowerCase());
    expect(spans).toContain('vigie');
  });

  it('answers 404 with the error shape for an unknown mention or route', async () => {
    const missing = await t.call('GET', '/api/mentions/nope');
    expect(missing.status).toBe(404);
    expect((missing.json.error as { code: string }).code).toBe('not_found');
    expect((await t.call('GET', '/api/nothing-here')).status).toBe(404);
  });

  it('refuses private addresses for sources unless allowed', async () => {
    const strict = await createTestVigie({ allowPrivateUrls: false });
    try {
      const refused = await strict.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/blog.xml` });
      expect(refused.status).toBe(400);
      expect((refused.json.error as { details: { field: string }[] }).details[0]!.field).toBe('url');
    } finally {
      await strict.close();
    }
  });

  it('encrypts source secrets at rest and never shows them', async () => {
    const created = await t.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: feeds.origin, hashtag: 'vigie', token: 'tok-123-secret' } });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.json)).not.toContain('tok-123-secret');
    expect(created.json.secretsSet).toEqual(['token']);
    const stored = await t.vigie.store.sources.get(t.vigie.defaultWorkspace.id, created.json.id as string);
    expect(JSON.stringify(stored!.config)).not.toContain('tok-123-secret');
    // A patch that leaves the token out keeps it.
    const patched = await t.call('PATCH', `/api/sources/${created.json.id as string}`, { config: { instance: feeds.origin, hashtag: 'vigieapp' } });
    expect(patched.status).toBe(200);
    expect(patched.json.secretsSet).toEqual(['token']);
    const listed = await t.call('GET', '/api/sources');
    expect(JSON.stringify(listed.json)).not.toContain('tok-123');
  });

  it('sets a strict Content-Security-Policy', async () => {
    const response = await t.app.request('/api/health');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
