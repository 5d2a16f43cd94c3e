import { describe, expect, it } from 'vitest';
import type { Mention, MentionFilter, Store, Workspace } from '@vigie/core';
import { uniqueSlug } from './catalog-cases';
import { at, detected, feeling, makeMention } from './mention-factory';

async function allPages(store: Store, workspaceId: string, filter: MentionFilter, limit: number): Promise<Mention[]> {
  const items: Mention[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.mentions.list(workspaceId, filter, { limit, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

const ids = (mentions: Mention[]) => mentions.map((m) => m.externalId).sort();

/** Upsert, read, filters, pagination, matches, analysis, deletion, overview, isolation. */
export function mentionCases(getStore: () => Store): void {
  async function workspace(prefix: string): Promise<Workspace> {
    return getStore().workspaces.create({ name: prefix, slug: uniqueSlug(prefix) });
  }

  describe('upsert', () => {
    it('stores a mention once however often it is fetched, refreshing engagement and text', async () => {
      const store = getStore();
      const ws = await workspace('upsert');
      const first = makeMention({ externalId: 'same', text: 'Première version', engagement: { likes: 1 } });
      const r1 = await store.mentions.upsertMany(ws.id, [first]);
      expect(r1.updated).toBe(0);
      expect(r1.inserted).toHaveLength(1);

      const r2 = await store.mentions.upsertMany(ws.id, [{ ...first, text: 'Version corrigée', engagement: { likes: 9, reposts: 2 } }]);
      expect(r2).toEqual({ inserted: [], updated: 1 });
      expect(await store.mentions.count(ws.id, {})).toBe(1);
      const stored = await store.mentions.get(ws.id, r1.inserted[0]!.id);
      expect(stored?.engagement).toEqual({ likes: 9, reposts: 2 });
      expect(stored?.text).toBe('Version corrigée');
      expect(stored?.fetchedAt).toBe(r1.inserted[0]!.fetchedAt);
      // The full-text index follows the new text.
      expect(await store.mentions.count(ws.id, { search: 'corrigee' })).toBe(1);
      expect(await store.mentions.count(ws.id, { search: 'premiere' })).toBe(0);
    });

    it('keeps one row when a batch holds the same mention twice, and counts new and refreshed apart', async () => {
      const store = getStore();
      const ws = await workspace('dup');
      const a = makeMention({ externalId: 'a', engagement: { likes: 1 } });
      const r1 = await store.mentions.upsertMany(ws.id, [a, { ...a, engagement: { likes: 3 } }, makeMention({ externalId: 'b' })]);
      expect(r1.inserted.map((m) => m.externalId).sort()).toEqual(['a', 'b']);
      const r2 = await store.mentions.upsertMany(ws.id, [a, makeMention({ externalId: 'c' })]);
      expect(r2.inserted.map((m) => m.externalId)).toEqual(['c']);
      expect(r2.updated).toBe(1);
      expect(await store.mentions.count(ws.id, {})).toBe(3);
      // Same externalId on another connector is another mention.
      await store.mentions.upsertMany(ws.id, [makeMention({ externalId: 'a', connector: 'mastodon' })]);
      expect(await store.mentions.count(ws.id, {})).toBe(4);
      // New mentions come back in the caller's order (the live stream emits them in that order).
      const r3 = await store.mentions.upsertMany(ws.id, ['z', 'b', 'm', 'a0'].map((externalId) => makeMention({ externalId })));
      expect(r3.inserted.map((m) => m.externalId)).toEqual(['z', 'm', 'a0']);
    });

    it('returns inserted mentions exactly as they read back, every field included', async () => {
      const store = getStore();
      const ws = await workspace('roundtrip');
      const source = await store.sources.create(ws.id, { connector: 'mastodon', name: 'S', config: {}, pollIntervalSec: 60 });
      const topic = await store.topics.create(ws.id, { name: 'T', kind: 'brand', queries: [{ text: 'a' }, { text: 'b' }] });
      const input = makeMention({
        connector: 'mastodon',
        sourceId: source.id,
        url: 'https://m.example/@a/1',
        author: { handle: '@a@m.example', name: 'Anne', followers: 3, url: 'https://m.example/@a', avatarUrl: 'https://m.example/a.png' },
        title: 'Titre',
        text: 'Texte « guillemets » et emoji 🎉',
        html: '<p>Texte</p>',
        lang: 'fr',
        publishedAt: '2026-11-20T11:00:00+01:00',
        engagement: { likes: 4, reposts: 1, replies: 2, quotes: 0, views: 100 },
        replyToExternalId: 'parent',
        threadExternalId: 'root',
        country: 'FR',
        kind: 'reply',
        raw: { nested: { list: [1, 'deux', null] } },
        analysis: { lang: detected('fr'), sentiment: feeling('positive') },
        queryIds: topic.queries.map((q) => q.id),
        topicIds: [topic.id],
      });
      const { inserted } = await store.mentions.upsertMany(ws.id, [input]);
      const mention = inserted[0]!;
      expect(mention.publishedAt).toBe('2026-11-20T10:00:00.000Z');
      expect(mention.queryIds).toEqual(topic.queries.map((q) => q.id));
      expect(mention.topicIds).toEqual([topic.id]);
      expect(await store.mentions.get(ws.id, mention.id)).toEqual(mention);
      const minimal = makeMention({ url: undefined, author: { handle: 'x' }, raw: 'texte brut' });
      const [stored] = (await store.mentions.upsertMany(ws.id, [minimal])).inserted;
      expect(await store.mentions.get(ws.id, stored!.id)).toEqual(stored);
    });

    it('refuses a date that is not ISO-8601, naming the field', async () => {
      const store = getStore();
      const ws = await workspace('baddate');
      await expect(store.mentions.upsertMany(ws.id, [makeMention({ publishedAt: 'hier' })])).rejects.toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'mentions[0].publishedAt' }],
      });
    });
  });

  describe('filters', () => {
    it('filters by connector, language, sentiment, source and time range (since inclusive, until exclusive)', async () => {
      const store = getStore();
      const ws = await workspace('filters');
      const source = await store.sources.create(ws.id, { connector: 'rss', name: 'S', config: {}, pollIntervalSec: 60 });
      const positive = { sentiment: feeling('positive') };
      await store.mentions.upsertMany(ws.id, [
        makeMention({ externalId: 'fr-rss', lang: 'fr', publishedAt: at(0), sourceId: source.id }),
        makeMention({ externalId: 'en-masto', connector: 'mastodon', lang: 'en', publishedAt: at(10), analysis: positive }),
        // Declared French, detected English: the filter follows detection.
        makeMention({ externalId: 'detected-en', lang: 'fr', publishedAt: at(20), analysis: { lang: detected('en') } }),
        // Detection unsure: the declared language stays.
        makeMention({ externalId: 'unknown-fr', lang: 'fr', publishedAt: at(30), analysis: { lang: detected('unknown') } }),
      ]);
      const list = async (filter: MentionFilter) => ids((await store.mentions.list(ws.id, filter, { limit: 50 })).items);
      expect(await list({ connector: 'mastodon' })).toEqual(['en-masto']);
      expect(await list({ lang: 'en' })).toEqual(['detected-en', 'en-masto']);
      expect(await list({ lang: 'fr' })).toEqual(['fr-rss', 'unknown-fr']);
      expect(await list({ sentiment: 'positive' })).toEqual(['en-masto']);
      expect(await list({ sourceId: source.id })).toEqual(['fr-rss']);
      expect(await list({ since: at(10), until: at(30) })).toEqual(['detected-en', 'en-masto']);
      expect(await list({ since: '2026-11-20T11:10:00+01:00' })).toEqual(['detected-en', 'en-masto', 'unknown-fr']);
      expect(await store.mentions.count(ws.id, { lang: 'fr', until: at(30) })).toBe(1);
      await expect(store.mentions.list(ws.id, { since: 'last tuesday' }, { limit: 5 })).rejects.toMatchObject({
        code: 'validation_failed',
        details: [{ field: 'since' }],
      });
    });

    it('filters by topic and query through the stored matches, and setMatches replaces them', async () => {
      const store = getStore();
      const ws = await workspace('matches');
      const other = await workspace('matches-other');
      const brand = await store.topics.create(ws.id, { name: 'Marque', kind: 'brand', queries: [{ text: 'a' }, { text: 'b' }] });
      const rival = await store.topics.create(ws.id, { name: 'Rival', kind: 'competitor', queries: [{ text: 'c' }] });
      const foreign = await store.topics.create(other.id, { name: 'F', kind: 'brand', queries: [{ text: 'f' }] });
      const [qa, qb] = brand.queries;
      const [qc] = rival.queries;
      const { inserted } = await store.mentions.upsertMany(ws.id, [
        makeMention({ externalId: 'brand-a', queryIds: [qa!.id], topicIds: [brand.id] }),
        makeMention({ externalId: 'both', queryIds: [qb!.id, qc!.id], topicIds: [brand.id, rival.id] }),
        // Ids from another workspace are dropped, never linked.
        makeMention({ externalId: 'foreign', queryIds: [foreign.queries[0]!.id], topicIds: [foreign.id] }),
      ]);
      expect(inserted.find((m) => m.externalId === 'foreign')).toMatchObject({ queryIds: [], topicIds: [] });
      const list = async (filter: MentionFilter) => ids((await store.mentions.list(ws.id, filter, { limit: 50 })).items);
      expect(await list({ topicId: brand.id })).toEqual(['both', 'brand-a']);
      expect(await list({ topicId: rival.id })).toEqual(['both']);
      expect(await list({ queryId: qa!.id })).toEqual(['brand-a']);
      expect(await list({ topicId: foreign.id })).toEqual([]);

      const both = inserted.find((m) => m.externalId === 'both')!;
      await store.mentions.setMatches(ws.id, both.id, [qc!.id], [rival.id]);
      expect(await store.mentions.get(ws.id, both.id)).toMatchObject({ queryIds: [qc!.id], topicIds: [rival.id] });
      expect(await list({ topicId: brand.id })).toEqual(['brand-a']);

      // Deleting a query removes what it matched; deleting a topic too.
      await store.topics.deleteQuery(ws.id, qa!.id);
      expect(await list({ topicId: brand.id })).toEqual([]);
      await store.topics.delete(ws.id, rival.id);
      expect(await store.mentions.get(ws.id, both.id)).toMatchObject({ queryIds: [], topicIds: [] });
      await expect(store.mentions.setMatches(other.id, both.id, [], [])).rejects.toMatchObject({ code: 'not_found' });
    });

    it('setAnalysis replaces the analysis and what the sentiment and language filters see', async () => {
      const store = getStore();
      const ws = await workspace('analysis');
      const { inserted } = await store.mentions.upsertMany(ws.id, [makeMention({ lang: 'fr' })]);
      const id = inserted[0]!.id;
      await store.mentions.setAnalysis(ws.id, id, {
        sentiment: feeling('negative'),
        lang: detected('en'),
      });
      expect(await store.mentions.count(ws.id, { sentiment: 'negative', lang: 'en' })).toBe(1);
      await store.mentions.setAnalysis(ws.id, id, {});
      expect(await store.mentions.count(ws.id, { sentiment: 'negative' })).toBe(0);
      expect(await store.mentions.count(ws.id, { lang: 'fr' })).toBe(1);
      expect((await store.mentions.get(ws.id, id))?.analysis).toEqual({});
    });
  });

  describe('pagination', () => {
    it('walks every mention once, newest first, ties broken by id', async () => {
      const store = getStore();
      const ws = await workspace('pages');
      // Many equal timestamps: only the id tie-break keeps pages apart.
      const batch = Array.from({ length: 23 }, (_, i) => makeMention({ externalId: `p${i}`, publishedAt: at(Math.floor(i / 4)) }));
      await store.mentions.upsertMany(ws.id, batch);
      const walked = await allPages(store, ws.id, {}, 5);
      expect(walked).toHaveLength(23);
      expect(new Set(walked.map((m) => m.id)).size).toBe(23);
      const order = walked.map((m) => [m.publishedAt, m.id].join(' '));
      expect(order).toEqual([...order].sort().reverse());
      const last = await store.mentions.list(ws.id, {}, { limit: 23 });
      expect(last.nextCursor).toBeNull();
    });

    it('misses nothing and repeats nothing while new mentions arrive between pages', async () => {
      const store = getStore();
      const ws = await workspace('live');
      await store.mentions.upsertMany(ws.id, Array.from({ length: 20 }, (_, i) => makeMention({ externalId: `old${i}`, publishedAt: at(100 + i) })));
      const seen: Mention[] = [];
      let cursor: string | undefined;
      let round = 0;
      do {
        const page = await store.mentions.list(ws.id, {}, { limit: 6, cursor });
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        round += 1;
        // Newer mentions (the live stream) and one older (a late feed item) land between pages.
        await store.mentions.upsertMany(ws.id, [
          makeMention({ externalId: `new${round}`, publishedAt: at(500 + round) }),
          makeMention({ externalId: `late${round}`, publishedAt: at(round) }),
        ]);
      } while (cursor);
      const seenIds = seen.map((m) => m.externalId);
      expect(new Set(seenIds).size).toBe(seenIds.length);
      for (let i = 0; i < 20; i += 1) expect(seenIds).toContain(`old${i}`);
      expect(seenIds.some((id) => id.startsWith('new'))).toBe(false);
    });

    it('refuses a cursor it did not make and a limit below one', async () => {
      const store = getStore();
      const ws = await workspace('badcursor');
      await expect(store.mentions.list(ws.id, {}, { limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(store.mentions.list(ws.id, {}, { limit: 0 })).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });

  describe('deletion and overview', () => {
    it('deletes by connector and by source, returning how many went', async () => {
      const store = getStore();
      const ws = await workspace('delete');
      const demo = await store.sources.create(ws.id, { connector: 'demo', name: 'Démo', config: {}, pollIntervalSec: 60 });
      await store.mentions.upsertMany(ws.id, [
        makeMention({ connector: 'demo', sourceId: demo.id, text: 'démonstration' }),
        makeMention({ connector: 'demo', sourceId: demo.id }),
        makeMention({ connector: 'mastodon' }),
        makeMention({ connector: 'rss' }),
      ]);
      expect(await store.mentions.deleteBySource(ws.id, demo.id)).toBe(2);
      expect(await store.mentions.count(ws.id, { search: 'demonstration' })).toBe(0);
      expect(await store.mentions.deleteByConnector(ws.id, 'mastodon')).toBe(1);
      expect(await store.mentions.count(ws.id, {})).toBe(1);
    });

    it('counts by day, sentiment, connector, topic and language in the database', async () => {
      const store = getStore();
      const ws = await workspace('overview');
      const topic = await store.topics.create(ws.id, { name: 'T', kind: 'brand', queries: [{ text: 'x' }] });
      const s = (label: 'negative' | 'neutral' | 'positive') => ({ sentiment: feeling(label) });
      const match = { queryIds: [topic.queries[0]!.id], topicIds: [topic.id] };
      await store.mentions.upsertMany(ws.id, [
        makeMention({ publishedAt: '2026-11-19T23:59:59.000Z', analysis: s('negative'), lang: 'fr', ...match }),
        makeMention({ publishedAt: '2026-11-20T00:00:00.000Z', analysis: s('positive'), lang: 'fr', ...match }),
        makeMention({ publishedAt: '2026-11-20T12:00:00.000Z', analysis: s('positive'), connector: 'mastodon', lang: 'en' }),
        makeMention({ publishedAt: '2026-11-20T13:00:00.000Z', connector: 'mastodon' }),
      ]);
      const overview = await store.mentions.overview(ws.id, {});
      expect(overview).toEqual({
        total: 4,
        byDay: [
          { day: '2026-11-19', count: 1, negative: 1, neutral: 0, positive: 0 },
          { day: '2026-11-20', count: 3, negative: 0, neutral: 0, positive: 2 },
        ],
        byConnector: expect.arrayContaining([{ connector: 'rss', count: 2 }, { connector: 'mastodon', count: 2 }]),
        byTopic: [{ topicId: topic.id, count: 2 }],
        bySentiment: { negative: 1, neutral: 0, positive: 2 },
        byLang: [{ lang: 'fr', count: 2 }, expect.anything(), expect.anything()],
      });
      expect(overview.byLang).toEqual(expect.arrayContaining([{ lang: 'en', count: 1 }, { lang: 'unknown', count: 1 }]));
      const recent = await store.mentions.overview(ws.id, { since: '2026-11-20T00:00:00.000Z', topicId: topic.id });
      expect(recent.total).toBe(1);
      expect(recent.byTopic).toEqual([{ topicId: topic.id, count: 1 }]);
    });
  });

  describe('workspace isolation', () => {
    it('shows nothing of workspace A from workspace B', async () => {
      const store = getStore();
      const a = await workspace('iso-a');
      const b = await workspace('iso-b');
      const { inserted } = await store.mentions.upsertMany(a.id, [makeMention({ externalId: 'shared-id', text: 'Confidentiel école' })]);
      const secret = inserted[0]!;
      expect(await store.mentions.get(b.id, secret.id)).toBeUndefined();
      expect((await store.mentions.list(b.id, {}, { limit: 50 })).items).toEqual([]);
      expect(await store.mentions.count(b.id, { search: 'confidentiel' })).toBe(0);
      expect((await store.mentions.searchPlan(b.id, { kind: 'term', value: 'ecole' }, {}, { limit: 5 })).items).toEqual([]);
      expect((await store.mentions.overview(b.id, {})).total).toBe(0);
      await expect(store.mentions.setAnalysis(b.id, secret.id, {})).rejects.toMatchObject({ code: 'not_found' });
      expect(await store.mentions.deleteByConnector(b.id, 'rss')).toBe(0);
      // The same network item in B is B's own row; A's is untouched.
      const inB = await store.mentions.upsertMany(b.id, [makeMention({ externalId: 'shared-id', text: 'Autre' })]);
      expect(inB.inserted).toHaveLength(1);
      expect((await store.mentions.get(a.id, secret.id))?.text).toBe('Confidentiel école');
    });
  });
}
