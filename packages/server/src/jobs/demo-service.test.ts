import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../test/test-vigie';

describe('demo workspace', () => {
  let t: TestVigie;
  beforeAll(async () => {
    t = await createTestVigie({ demo: true, demoReplay: false });
    await t.vigie.start();
  }, 120_000);
  afterAll(() => t.close());

  it('seeds about 5,000 mentions over 30 days with topics, on first start only', async () => {
    const overview = await t.call('GET', '/api/stats/overview?days=31');
    expect(overview.json.total).toBeGreaterThan(4_500);
    expect(overview.json.total).toBeLessThan(5_600);
    const byDay = overview.json.byDay as { count: number; negative: number }[];
    expect(byDay.length).toBeGreaterThanOrEqual(29);
    const topics = (await t.call('GET', '/api/topics')).json.items!;
    expect(topics.length).toBeGreaterThanOrEqual(5);
    const byTopic = overview.json.byTopic as { name: string; count: number }[];
    expect(byTopic.every((row) => row.count > 0)).toBe(true);
    expect(await t.vigie.demo.seedIfFirstStart()).toBe(false);
    expect((await t.call('GET', '/api/demo')).json).toMatchObject({ enabled: true });
  });

  it('explains what is said: the crisis words rise on its topic, and copies count as fewer voices', async () => {
    const topics = (await t.call('GET', '/api/topics')).json.items!;
    const ondine = topics.find((x) => x.name === 'Velotys Ondine')!;
    const themes = await t.call('GET', `/api/stats/themes?days=10&topic=${ondine.id as string}`);
    expect(themes.status).toBe(200);
    const rising = themes.json.rising as Record<string, { term: string }[]>;
    const risingTerms = Object.values(rising).flat().map((r) => r.term.toLowerCase());
    expect(risingTerms.some((term) => /surchauffe|overheat|ondinegate/.test(term))).toBe(true);
    const spread = themes.json.spread as { mentions: number; uniqueVoices: number; clusters: { size: number }[] };
    expect(spread.uniqueVoices).toBeLessThan(spread.mentions);
    expect(spread.clusters[0]!.size).toBeGreaterThan(5);
  });

  it('knows Velotys’s own accounts: its answers stay out of the inbox and are remembered as our posts', async () => {
    const own = (await t.call('GET', '/api/inbox/own-accounts')).json.items as { connector: string; handle: string }[];
    expect(own).toContainEqual({ connector: 'bluesky', handle: 'velotys.bsky.example' });
    expect(own.find((a) => a.connector === 'mastodon')?.handle).toMatch(/^@velotys@/);
    await t.vigie.inboxWorker.idle();
    const open = (await t.call('GET', '/api/conversations?view=open&limit=200')).json.items as { lastAuthor: string }[];
    expect(open.length).toBeGreaterThan(0);
    const ownHandles = new Set(own.map((a) => a.handle));
    expect(open.filter((c) => ownHandles.has(c.lastAuthor))).toEqual([]);
    expect((await t.vigie.inbox.ownPostIds(t.vigie.defaultWorkspace.id)).length).toBeGreaterThan(0);
  });

  it('keeps the user’s own topic and source when the demo is removed', async () => {
    const own = await t.call('POST', '/api/topics', { name: 'Mon produit', kind: 'product', queries: ['monproduit'] });
    expect(own.status).toBe(201);
    expect((await t.call('DELETE', '/api/demo')).status).toBe(204);
    const overview = await t.call('GET', '/api/stats/overview?days=31');
    expect(overview.json.total).toBe(0);
    // The demo's conversations leave with its mentions, and so do Velotys's accounts.
    expect((await t.call('GET', '/api/conversations?view=open')).json.items).toEqual([]);
    expect((await t.call('GET', '/api/conversations?view=closed')).json.items).toEqual([]);
    expect((await t.call('GET', '/api/inbox/own-accounts')).json.items).toEqual([]);
    const topics = (await t.call('GET', '/api/topics')).json.items!;
    expect(topics.map((x) => x.name)).toEqual(['Mon produit']);
    expect((await t.call('GET', '/api/demo')).json).toMatchObject({ enabled: false });
    expect(await t.vigie.demo.seedIfFirstStart()).toBe(false);
  });
});
