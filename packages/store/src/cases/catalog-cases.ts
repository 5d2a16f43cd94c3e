import { describe, expect, it } from 'vitest';
import type { VigieStore } from '../create-store';
import { makeMention } from './mention-factory';

let slugCounter = 0;
export const uniqueSlug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(slugCounter += 1)}`;

/** Workspaces, topics and queries, sources, settings. */
export function catalogCases(getStore: () => VigieStore): void {
  describe('workspaces', () => {
    it('creates, finds by id and slug, lists, and refuses a second identical slug', async () => {
      const store = getStore();
      const slug = uniqueSlug('acme');
      const ws = await store.workspaces.create({ name: 'Acme', slug, isDemo: true });
      expect(ws).toMatchObject({ name: 'Acme', slug, isDemo: true });
      expect(await store.workspaces.get(ws.id)).toEqual(ws);
      expect(await store.workspaces.getBySlug(slug)).toEqual(ws);
      expect((await store.workspaces.list()).map((w) => w.id)).toContain(ws.id);
      await expect(store.workspaces.create({ name: 'Other', slug })).rejects.toMatchObject({ code: 'conflict' });
    });

    it('renames a workspace and keeps its slug', async () => {
      const store = getStore();
      const slug = uniqueSlug('rename');
      const ws = await store.workspaces.create({ name: 'Agence Nord', slug });
      expect(await store.workspaces.rename(ws.id, 'Agence Nord-Est')).toMatchObject({ id: ws.id, name: 'Agence Nord-Est', slug });
      expect((await store.workspaces.getBySlug(slug))?.name).toBe('Agence Nord-Est');
      expect(await store.workspaces.rename('no-such-workspace', 'X')).toBeUndefined();
    });

    it('deleting a workspace deletes everything in it', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'Doomed', slug: uniqueSlug('doomed') });
      const topic = await store.topics.create(ws.id, { name: 'T', kind: 'brand', queries: [{ text: 'x' }] });
      const source = await store.sources.create(ws.id, { connector: 'rss', name: 'Feed', config: { url: 'https://a.example/feed' }, pollIntervalSec: 600 });
      await store.mentions.upsertMany(ws.id, [
        makeMention({ sourceId: source.id, queryIds: [topic.queries[0]!.id], topicIds: [topic.id], text: 'supprimé bientôt' }),
      ]);
      await store.settings.set(ws.id, 'demo', { status: 'seeded' });

      await store.workspaces.delete(ws.id);

      expect(await store.workspaces.get(ws.id)).toBeUndefined();
      expect(await store.topics.list(ws.id)).toEqual([]);
      expect(await store.sources.list(ws.id)).toEqual([]);
      expect(await store.mentions.count(ws.id, {})).toBe(0);
      expect(await store.mentions.count(ws.id, { search: 'supprime' })).toBe(0);
      expect(await store.settings.get(ws.id, 'demo')).toBeUndefined();
      expect((await store.topics.listAllQueries()).some((q) => q.workspaceId === ws.id)).toBe(false);
    });
  });

  describe('topics and queries', () => {
    it('creates a topic with its queries and reads it back', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'W', slug: uniqueSlug('topics') });
      const topic = await store.topics.create(ws.id, {
        name: 'Marque',
        kind: 'brand',
        exclusions: 'emploi OR stage',
        color: '#336699',
        queries: [{ text: 'vigie', name: 'principale' }, { text: '"vigie app"', enabled: false }],
      });
      expect(topic).toMatchObject({ name: 'Marque', kind: 'brand', exclusions: 'emploi OR stage', color: '#336699' });
      expect(topic.queries.map((q) => [q.text, q.name, q.enabled])).toEqual([
        ['vigie', 'principale', true],
        ['"vigie app"', undefined, false],
      ]);
      expect(await store.topics.get(ws.id, topic.id)).toEqual(topic);
      expect(await store.topics.list(ws.id)).toEqual([topic]);
    });

    it('updates a topic, clears its exclusions with an empty string, and edits queries', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'W', slug: uniqueSlug('edit') });
      const topic = await store.topics.create(ws.id, { name: 'A', kind: 'product', exclusions: 'x', queries: [{ text: 'a' }] });
      const updated = await store.topics.update(ws.id, topic.id, { name: 'B', exclusions: '' });
      expect(updated?.name).toBe('B');
      expect(updated?.exclusions).toBeUndefined();

      const added = await store.topics.addQuery(ws.id, topic.id, { text: 'b OR c', name: 'second' });
      const edited = await store.topics.updateQuery(ws.id, added.id, { text: 'b OR d', enabled: false });
      expect(edited).toMatchObject({ text: 'b OR d', enabled: false, name: 'second' });
      expect(await store.topics.getQuery(ws.id, added.id)).toEqual(edited);
      expect(await store.topics.deleteQuery(ws.id, added.id)).toBe(true);
      expect(await store.topics.getQuery(ws.id, added.id)).toBeUndefined();
      expect(await store.topics.deleteQuery(ws.id, added.id)).toBe(false);

      expect(await store.topics.delete(ws.id, topic.id)).toBe(true);
      expect(await store.topics.get(ws.id, topic.id)).toBeUndefined();
      expect(await store.topics.getQuery(ws.id, topic.queries[0]!.id)).toBeUndefined();
    });

    it('lists every enabled query of every workspace with its topic exclusions', async () => {
      const store = getStore();
      const a = await store.workspaces.create({ name: 'A', slug: uniqueSlug('qa') });
      const b = await store.workspaces.create({ name: 'B', slug: uniqueSlug('qb') });
      const ta = await store.topics.create(a.id, { name: 'A', kind: 'brand', exclusions: 'emploi', queries: [{ text: 'alpha' }, { text: 'off', enabled: false }] });
      const tb = await store.topics.create(b.id, { name: 'B', kind: 'keyword', queries: [{ text: 'beta' }] });
      const all = await store.topics.listAllQueries();
      const mine = all.filter((q) => q.topicId === ta.id || q.topicId === tb.id);
      expect(mine.map((q) => [q.text, q.topicExclusions, q.workspaceId])).toEqual([
        ['alpha', 'emploi', a.id],
        ['beta', undefined, b.id],
      ]);
    });

    it('never reaches a topic or query of another workspace', async () => {
      const store = getStore();
      const a = await store.workspaces.create({ name: 'A', slug: uniqueSlug('ia') });
      const b = await store.workspaces.create({ name: 'B', slug: uniqueSlug('ib') });
      const topic = await store.topics.create(a.id, { name: 'A', kind: 'brand', queries: [{ text: 'secret' }] });
      const query = topic.queries[0]!;
      expect(await store.topics.get(b.id, topic.id)).toBeUndefined();
      expect(await store.topics.list(b.id)).toEqual([]);
      expect(await store.topics.update(b.id, topic.id, { name: 'pwned' })).toBeUndefined();
      expect(await store.topics.delete(b.id, topic.id)).toBe(false);
      expect(await store.topics.getQuery(b.id, query.id)).toBeUndefined();
      expect(await store.topics.updateQuery(b.id, query.id, { text: 'pwned' })).toBeUndefined();
      expect(await store.topics.deleteQuery(b.id, query.id)).toBe(false);
      await expect(store.topics.addQuery(b.id, topic.id, { text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
      expect((await store.topics.get(a.id, topic.id))?.queries[0]?.text).toBe('secret');
    });
  });

  describe('sources', () => {
    it('creates a source due at once, updates it, and lists due sources soonest first', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'W', slug: uniqueSlug('src') });
      const feed = await store.sources.create(ws.id, { connector: 'rss', name: 'Feed', config: { url: 'https://a.example/f' }, pollIntervalSec: 900 });
      expect(feed).toMatchObject({ enabled: true, state: {}, config: { url: 'https://a.example/f' }, health: { status: 'pending', consecutiveFailures: 0 } });
      expect(await store.sources.get(ws.id, feed.id)).toEqual(feed);

      const later = await store.sources.create(ws.id, { connector: 'mastodon', name: 'Tag', config: { tag: 'vigie' }, pollIntervalSec: 60 });
      const off = await store.sources.create(ws.id, { connector: 'reddit', name: 'Off', config: {}, pollIntervalSec: 60, enabled: false });
      await store.sources.recordRun(later.id, { health: { status: 'ok', consecutiveFailures: 0, nextRunAt: '2099-01-01T00:00:00.000Z' } });

      const due = (await store.sources.listDue(new Date(Date.now() + 1_000), 1_000)).map((s) => s.id);
      expect(due).toContain(feed.id);
      expect(due).not.toContain(later.id);
      expect(due).not.toContain(off.id);
      expect((await store.sources.listDue(new Date('2099-01-02T00:00:00Z'), 1_000)).map((s) => s.id)).toContain(later.id);

      const renamed = await store.sources.update(ws.id, feed.id, { name: 'Renamed', enabled: false, config: { url: 'https://b.example/f' } });
      expect(renamed).toMatchObject({ name: 'Renamed', enabled: false, config: { url: 'https://b.example/f' } });
      expect(await store.sources.delete(ws.id, feed.id)).toBe(true);
      expect(await store.sources.get(ws.id, feed.id)).toBeUndefined();
    });

    it('records a run: state and health are stored together and read back', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'W', slug: uniqueSlug('run') });
      const source = await store.sources.create(ws.id, { connector: 'rss', name: 'Feed', config: {}, pollIntervalSec: 600 });
      const health = {
        status: 'failing' as const,
        lastRunAt: '2026-11-20T10:00:00.000Z',
        lastSuccessAt: '2026-11-20T09:00:00.000Z',
        lastErrorAt: '2026-11-20T10:00:00.000Z',
        lastError: { code: 'rate_limited', message: 'Trop de requêtes' },
        consecutiveFailures: 2,
        nextRunAt: '2026-11-20T10:30:00.000Z',
        lastRun: { fetched: 20, inserted: 3, skipped: 17, durationMs: 412 },
      };
      await store.sources.recordRun(source.id, { state: { etag: 'W/"42"', seen: ['a', 'b'] }, health });
      const after = await store.sources.get(ws.id, source.id);
      expect(after?.state).toEqual({ etag: 'W/"42"', seen: ['a', 'b'] });
      expect(after?.health).toEqual(health);

      // Without a state, only health changes: the connector's cursor survives a failed poll.
      await store.sources.recordRun(source.id, { health: { status: 'ok', consecutiveFailures: 0, nextRunAt: '2026-11-20T11:00:00.000Z' } });
      const again = await store.sources.get(ws.id, source.id);
      expect(again?.state).toEqual({ etag: 'W/"42"', seen: ['a', 'b'] });
      expect(again?.health).toEqual({ status: 'ok', consecutiveFailures: 0, nextRunAt: '2026-11-20T11:00:00.000Z' });
      await expect(store.sources.recordRun('missing', { health })).rejects.toMatchObject({ code: 'not_found' });
    });

    it('lets concurrent workers claim due sources without sharing any, until the lease ends', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'W', slug: uniqueSlug('claim') });
      const created = [];
      for (let i = 0; i < 6; i += 1) {
        created.push(await store.sources.create(ws.id, { connector: 'rss', name: `F${i}`, config: {}, pollIntervalSec: 60 }));
      }
      const mine = new Set(created.map((s) => s.id));
      const now = new Date(Date.now() + 1_000);
      const [first, second] = await Promise.all([store.sources.claimDue(now, 1_000, 60_000), store.sources.claimDue(now, 1_000, 60_000)]);
      const a = first.filter((s) => mine.has(s.id)).map((s) => s.id);
      const b = second.filter((s) => mine.has(s.id)).map((s) => s.id);
      expect([...a, ...b].sort()).toEqual([...mine].sort());
      expect(a.filter((id) => b.includes(id))).toEqual([]);
      expect((await store.sources.listDue(now, 1_000)).some((s) => mine.has(s.id))).toBe(false);
      // A worker that died leaves its sources due again once the lease is over.
      const later = new Date(now.getTime() + 61_000);
      expect((await store.sources.claimDue(later, 1_000, 60_000)).filter((s) => mine.has(s.id))).toHaveLength(6);
    });

    it('never reaches a source of another workspace', async () => {
      const store = getStore();
      const a = await store.workspaces.create({ name: 'A', slug: uniqueSlug('sa') });
      const b = await store.workspaces.create({ name: 'B', slug: uniqueSlug('sb') });
      const source = await store.sources.create(a.id, { connector: 'rss', name: 'Mine', config: {}, pollIntervalSec: 600 });
      expect(await store.sources.get(b.id, source.id)).toBeUndefined();
      expect(await store.sources.list(b.id)).toEqual([]);
      expect(await store.sources.update(b.id, source.id, { name: 'pwned' })).toBeUndefined();
      expect(await store.sources.delete(b.id, source.id)).toBe(false);
      await expect(store.mentions.upsertMany(b.id, [makeMention({ sourceId: source.id })])).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });

  describe('settings', () => {
    it('stores JSON values per workspace, replaces and deletes them', async () => {
      const store = getStore();
      const a = await store.workspaces.create({ name: 'A', slug: uniqueSlug('kva') });
      const b = await store.workspaces.create({ name: 'B', slug: uniqueSlug('kvb') });
      expect(await store.settings.get(a.id, 'demo')).toBeUndefined();
      await store.settings.set(a.id, 'demo', { status: 'seeded', topicIds: ['t1'] });
      await store.settings.set(a.id, 'flag', false);
      await store.settings.set(a.id, 'label', 'Démo « été »');
      expect(await store.settings.get(a.id, 'demo')).toEqual({ status: 'seeded', topicIds: ['t1'] });
      expect(await store.settings.get(a.id, 'flag')).toBe(false);
      expect(await store.settings.get(a.id, 'label')).toBe('Démo « été »');
      expect(await store.settings.get(b.id, 'demo')).toBeUndefined();
      await store.settings.set(a.id, 'demo', { status: 'removed' });
      expect(await store.settings.get(a.id, 'demo')).toEqual({ status: 'removed' });
      await store.settings.delete(a.id, 'demo');
      expect(await store.settings.get(a.id, 'demo')).toBeUndefined();
    });
  });
}
