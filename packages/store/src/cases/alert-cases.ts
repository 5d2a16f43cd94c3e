import { describe, expect, it } from 'vitest';
import { parseAlertRule, type RollupRow } from '@vigie/core';
import type { VigieStore } from '../create-store';
import { makeEpisode, makeNotification } from './alert-factory';
import { uniqueSlug } from './catalog-cases';

const row = (overrides: Partial<RollupRow>): RollupRow => ({
  scope: 'topic', scopeId: 't1', granularity: '1h', bucketStart: '2026-11-17T07:00:00.000Z',
  count: 1, authors: 1, negative: 0, positive: 0, neutral: 1, reach: 100, ...overrides,
});

/** Rollups, alert rules, episodes, the notification outbox and in-app notifications. */
export function alertCases(getStore: () => VigieStore): void {
  const newWorkspace = (store: VigieStore) => store.workspaces.create({ name: 'Alerts', slug: uniqueSlug('alerts') });

  describe('rollups', () => {
    it('adds batches into the same bucket and reads one scope and range, oldest first', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const other = await newWorkspace(store);
      await store.rollups.increment(ws.id, [row({ count: 3, authors: 2, negative: 1, neutral: 2, reach: 2_500_000_000 }), row({ bucketStart: '2026-11-17T08:00:00.000Z' })]);
      await store.rollups.increment(ws.id, [row({ count: 2, authors: 2, negative: 2, neutral: 0, reach: 0.5 })]);
      await store.rollups.increment(other.id, [row({ count: 99 })]);

      const rows = await store.rollups.list(ws.id, { scope: 'topic', scopeId: 't1', granularity: '1h', since: '2026-11-17T00:00:00Z' });
      expect(rows.map((r) => [r.bucketStart, r.count])).toEqual([['2026-11-17T07:00:00.000Z', 5], ['2026-11-17T08:00:00.000Z', 1]]);
      expect(rows[0]).toMatchObject({ authors: 4, negative: 3, neutral: 2, reach: 2_500_000_000.5 });
      const until = await store.rollups.list(ws.id, { scope: 'topic', scopeId: 't1', granularity: '1h', since: '2026-11-17T00:00:00Z', until: '2026-11-17T08:00:00Z' });
      expect(until).toHaveLength(1);
      expect(await store.rollups.list(ws.id, { scope: 'query', scopeId: 't1', granularity: '1h', since: '2026-11-17T00:00:00Z' })).toEqual([]);
      expect((await store.rollups.listSince(ws.id, '1h', '2026-11-17T07:30:00Z')).map((r) => r.count)).toEqual([1]);
    });
  });

  describe('alert rules', () => {
    it('creates with an id, lists, replaces, deletes, per workspace', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const other = await newWorkspace(store);
      const input = parseAlertRule({
        name: 'Ondine', scope: { kind: 'topic', id: 't1' }, detectors: ['volume_spike', 'negative_surge'],
        channels: [{ kind: 'in_app' }, { kind: 'webhook', url: 'https://hooks.example/x', format: 'slack', secret: 'a-secret-of-16-chars' }],
        quietHours: { from: '22:00', to: '07:00', timeZone: 'Europe/Paris' },
      });
      const rule = await store.alertRules.create(ws.id, input);
      expect(rule).toMatchObject({ ...input, id: expect.any(String) });
      expect(await store.alertRules.get(ws.id, rule.id)).toEqual(rule);
      expect(await store.alertRules.get(other.id, rule.id)).toBeUndefined();
      expect((await store.alertRules.list(other.id))).toEqual([]);

      const updated = await store.alertRules.update(ws.id, rule.id, { ...input, sensitivity: 'high', enabled: false });
      expect(updated).toMatchObject({ id: rule.id, sensitivity: 'high', enabled: false });
      expect(await store.alertRules.update(other.id, rule.id, input)).toBeUndefined();
      expect(await store.alertRules.delete(other.id, rule.id)).toBe(false);
      expect(await store.alertRules.delete(ws.id, rule.id)).toBe(true);
      expect(await store.alertRules.list(ws.id)).toEqual([]);
    });
  });

  describe('episodes', () => {
    it('saves and reads back whole, never rolls back to an older revision, filters by status', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const episode = makeEpisode();
      await store.episodes.save(ws.id, episode);
      expect(await store.episodes.get(ws.id, episode.id)).toEqual(episode);

      const closed = { ...episode, status: 'closed' as const, revision: 3, closedAt: '2026-11-17T12:00:00.000Z', updatedAt: '2026-11-17T12:00:00.000Z' };
      await store.episodes.save(ws.id, closed);
      await store.episodes.save(ws.id, { ...episode, revision: 2, status: 'calming' });
      expect(await store.episodes.get(ws.id, episode.id)).toEqual(closed);

      const open = makeEpisode({ detectedAt: '2026-11-18T07:55:00.000Z' });
      await store.episodes.save(ws.id, open);
      expect((await store.episodes.list(ws.id)).map((e) => e.id)).toEqual([open.id, episode.id]);
      expect((await store.episodes.list(ws.id, { status: 'closed' })).map((e) => e.id)).toEqual([episode.id]);
      expect(await store.episodes.list((await newWorkspace(store)).id)).toEqual([]);
    });
  });

  describe('notification outbox', () => {
    it('an idempotency key enqueued twice keeps one row; claims due entries with a lease; records failures', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const now = Date.parse('2026-11-17T08:00:00Z');
      const notification = makeNotification();
      const entry = { key: notification.key, workspaceId: ws.id, notification, target: { kind: 'email' as const, to: 'cm@acme.example' }, nextAttemptAt: now };
      expect(await store.outbox.enqueue([entry])).toBe(1);
      expect(await store.outbox.enqueue([entry, { ...entry, key: `${entry.key}-b`, nextAttemptAt: now + 60_000 }])).toBe(1);
      expect((await store.outbox.listByWorkspace(ws.id)).map((e) => e.key).sort()).toEqual([entry.key, `${entry.key}-b`]);

      const claimed = await store.outbox.claimDue(now, 10, 30_000);
      const mine = claimed.filter((e) => e.workspaceId === ws.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ key: entry.key, status: 'pending', attempts: 0, notification, target: entry.target });
      // Leased: not claimed again until the lease ends.
      expect((await store.outbox.claimDue(now + 1_000, 10, 30_000)).some((e) => e.key === entry.key)).toBe(false);

      await store.outbox.update(entry.key, { status: 'failing', attempts: 1, lastError: 'SMTP 451', nextAttemptAt: now + 5_000 });
      const failing = await store.outbox.listByWorkspace(ws.id, { statuses: ['failing', 'dead'] });
      expect(failing).toMatchObject([{ key: entry.key, status: 'failing', attempts: 1, lastError: 'SMTP 451' }]);
      await store.outbox.update(entry.key, { status: 'sent', attempts: 2, sentAt: now + 6_000, lastError: undefined });
      const [sent] = await store.outbox.listByWorkspace(ws.id, { statuses: ['sent'] });
      expect(sent).toMatchObject({ status: 'sent', sentAt: now + 6_000 });
      expect(sent?.lastError).toBeUndefined();
      expect((await store.outbox.claimDue(now + 120_000, 10, 30_000)).map((e) => e.key)).toContain(`${entry.key}-b`);
    });

    it('a key rotation can replace the target of a delivery (its re-sealed webhook secret), nothing else changes', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const now = Date.parse('2026-11-17T08:00:00Z');
      const notification = makeNotification();
      const target = { kind: 'webhook' as const, url: 'https://hooks.example/v', format: 'slack' as const, secret: 'vigie-sealed:v1:old:iv:tag:data' };
      await store.outbox.enqueue([{ key: notification.key, workspaceId: ws.id, notification, target, nextAttemptAt: now }]);
      await store.outbox.update(notification.key, { target: { ...target, secret: 'vigie-sealed:v1:new:iv:tag:data' } });
      expect(await store.outbox.listByWorkspace(ws.id)).toMatchObject([{ key: notification.key, status: 'pending', attempts: 0, nextAttemptAt: now, target: { ...target, secret: 'vigie-sealed:v1:new:iv:tag:data' } }]);
    });
  });

  describe('in-app notifications', () => {
    it('one row per key, newest first, unread count, mark read within the workspace only', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const other = await newWorkspace(store);
      const first = makeNotification();
      expect(await store.notifications.add(ws.id, first)).toBe(true);
      expect(await store.notifications.add(ws.id, first)).toBe(false);
      await store.notifications.add(ws.id, makeNotification({ title: { fr: 'Deuxième', en: 'Second' } }));

      const listed = await store.notifications.list(ws.id);
      expect(listed.unread).toBe(2);
      expect(listed.items).toHaveLength(2);
      expect(listed.items.find((n) => n.key === first.key)).toMatchObject({ title: first.title, episodeId: 'e1', episodeKind: 'crisis', url: first.url });

      const id = listed.items.find((n) => n.key === first.key)!.id;
      expect(await store.notifications.markRead(other.id, id)).toBe(false);
      expect(await store.notifications.markRead(ws.id, id)).toBe(true);
      const after = await store.notifications.list(ws.id, { unreadOnly: true });
      expect(after.unread).toBe(1);
      expect(after.items.map((n) => n.title.en)).toEqual(['Second']);
      expect((await store.notifications.list(other.id)).unread).toBe(0);
    });
  });
}
