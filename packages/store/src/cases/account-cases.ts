import { describe, expect, it } from 'vitest';
import type { VigieStore } from '../create-store';
import { uniqueSlug } from './catalog-cases';

/** Connector accounts: status, shared read budget, scoping and the link from sources. */
export function accountCases(getStore: () => VigieStore): void {
  describe('accounts', () => {
    it('creates, lists, updates and deletes an account, only in its workspace', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'Acc', slug: uniqueSlug('acc') });
      const other = await store.workspaces.create({ name: 'Other', slug: uniqueSlug('acc-other') });
      const account = await store.accounts.create(ws.id, { connector: 'x', name: 'Brand app', config: { bearerToken: 'vigie-sealed:abc' }, monthlyReads: 10_000 });
      expect(account).toMatchObject({ connector: 'x', name: 'Brand app', status: 'ok', config: { bearerToken: 'vigie-sealed:abc' }, budget: { monthlyReads: 10_000, used: 0 } });
      expect(account.statusReason).toBeUndefined();
      expect(await store.accounts.get(other.id, account.id)).toBeUndefined();
      expect((await store.accounts.list(ws.id)).map((a) => a.id)).toEqual([account.id]);
      expect(await store.accounts.list(other.id)).toEqual([]);

      const renamed = await store.accounts.update(ws.id, account.id, { name: 'Renamed', monthlyReads: null, config: { bearerToken: 'vigie-sealed:new' } });
      expect(renamed).toMatchObject({ name: 'Renamed', config: { bearerToken: 'vigie-sealed:new' } });
      expect(renamed?.budget?.monthlyReads).toBeUndefined();
      expect(await store.accounts.update(other.id, account.id, { name: 'Stolen' })).toBeUndefined();

      expect(await store.accounts.delete(other.id, account.id)).toBe(false);
      expect(await store.accounts.delete(ws.id, account.id)).toBe(true);
      expect(await store.accounts.get(ws.id, account.id)).toBeUndefined();
    });

    it('marks an account needs_reauth with its reason and last error, and back to ok', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'Reauth', slug: uniqueSlug('reauth') });
      const account = await store.accounts.create(ws.id, { connector: 'mastodon', name: 'Piaille', config: {} });
      const at = new Date('2026-11-26T06:00:00.000Z');
      const marked = await store.accounts.setStatus(ws.id, account.id, 'needs_reauth', { reason: 'the token expired', error: { code: 'auth_expired', message: 'HTTP 401' }, at });
      expect(marked).toMatchObject({ status: 'needs_reauth', statusReason: 'the token expired', lastError: { code: 'auth_expired', message: 'HTTP 401', at: at.toISOString() } });
      const ok = await store.accounts.setStatus(ws.id, account.id, 'ok');
      expect(ok?.status).toBe('ok');
      expect(ok?.statusReason).toBeUndefined();
      expect(ok?.lastError?.code).toBe('auth_expired');
    });

    it('counts reads of concurrent sources in one shared budget, and restarts at 0 in a new month', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'Budget', slug: uniqueSlug('budget') });
      const account = await store.accounts.create(ws.id, { connector: 'x', name: 'X', config: {}, monthlyReads: 500 });
      const november = new Date('2026-11-20T10:00:00Z');
      await Promise.all(Array.from({ length: 10 }, () => store.accounts.recordReads(ws.id, account.id, 10, november)));
      expect((await store.accounts.get(ws.id, account.id))?.budget).toEqual({ monthlyReads: 500, used: 100, month: '2026-11' });
      const december = await store.accounts.recordReads(ws.id, account.id, 30, new Date('2026-12-01T00:00:01Z'));
      expect(december).toEqual({ monthlyReads: 500, used: 30, month: '2026-12' });
    });

    it('links a source to an account and unlinks it; deleting the workspace deletes its accounts', async () => {
      const store = getStore();
      const ws = await store.workspaces.create({ name: 'Link', slug: uniqueSlug('link') });
      const account = await store.accounts.create(ws.id, { connector: 'x', name: 'X', config: {} });
      const source = await store.sources.create(ws.id, { connector: 'x', name: 'q', config: { query: 'vigie' }, pollIntervalSec: 600, accountId: account.id });
      expect(source.accountId).toBe(account.id);
      const unlinked = await store.sources.update(ws.id, source.id, { accountId: null });
      expect(unlinked?.accountId).toBeUndefined();
      const relinked = await store.sources.update(ws.id, source.id, { accountId: account.id });
      expect(relinked?.accountId).toBe(account.id);
      await store.sources.saveState(source.id, { cursor: '42' });
      expect((await store.sources.get(ws.id, source.id))?.state).toEqual({ cursor: '42' });
      await store.workspaces.delete(ws.id);
      expect(await store.accounts.list(ws.id)).toEqual([]);
    });
  });
}
