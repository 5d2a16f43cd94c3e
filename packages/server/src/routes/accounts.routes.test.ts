/**
 * Connector accounts end to end, against a local Mastodon-like server replaying documented
 * answers: the token is held once by the account and used by its sources; a 401 marks the account
 * "needs re-authorisation" and stops every source of it until a new token is given; the X read
 * budget is the account's, shared by its sources.
 */
import { planPage } from '@vigie/connectors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSource, recordAccountReads } from '../services/account-service';
import { createStreamWorker } from '../workers/stream-worker';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { startInstance } from '../test/mastodon-instance';

describe('accounts', () => {
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

  async function createAccount(token: string) {
    const created = await t.call('POST', '/api/accounts', { connector: 'mastodon', name: 'Piaille', config: { instance: instance.origin, token } });
    expect(created.status).toBe(201);
    return created.json as { id: string; secretsSet: string[]; config: Record<string, unknown>; status: string };
  }

  async function createSource(accountId: string, hashtag: string) {
    const created = await t.call('POST', '/api/sources', { connector: 'mastodon', accountId, config: { instance: instance.origin, hashtag } });
    expect(created.status).toBe(201);
    return created.json as { id: string; accountId: string; secretsSet: string[] };
  }

  it('holds the token once, never shows it, and its sources poll with it', async () => {
    const account = await createAccount('good-token-123');
    expect(account.secretsSet).toEqual(['token']);
    expect(account.config).toEqual({ instance: instance.origin });
    expect(JSON.stringify(account)).not.toContain('good-token-123');

    const source = await createSource(account.id, 'vigie');
    expect(source.accountId).toBe(account.id);
    // The source does not copy the secret: it stays in the account only.
    const stored = await t.vigie.store.sources.get(t.vigie.defaultWorkspace.id, source.id);
    expect(stored?.config.token).toBeUndefined();
    expect(JSON.stringify(await t.vigie.store.accounts.get(t.vigie.defaultWorkspace.id, account.id))).not.toContain('good-token-123');

    const result = await t.vigie.pollSource(stored!);
    expect(result.error).toBeUndefined();
    expect(result.inserted).toBeGreaterThan(0);
    expect(instance.requests.at(-1)?.authorization).toBe('Bearer good-token-123');

    const listed = await t.call('GET', '/api/accounts');
    expect(listed.json.items?.find((a) => a.id === account.id)).toMatchObject({ status: 'ok', sourceCount: 1 });
  });

  it('a 401 marks the account needs_reauth and stops all its sources until a new token is given', async () => {
    const account = await createAccount('expired-token-9');
    const first = await createSource(account.id, 'premier');
    const second = await createSource(account.id, 'second');
    const ws = t.vigie.defaultWorkspace.id;

    const failed = await t.vigie.pollSource((await t.vigie.store.sources.get(ws, first.id))!);
    expect(failed.error?.code).toBe('auth_expired');
    const marked = (await t.call('GET', `/api/accounts/${account.id}`)).json;
    expect(marked).toMatchObject({ status: 'needs_reauth', lastError: { code: 'auth_expired' } });
    expect(String(marked.statusReason)).toMatch(/token/i);

    // The other source of the account is not polled at all: no request reaches the network.
    const before = instance.requests.length;
    const skipped = await t.vigie.pollSource((await t.vigie.store.sources.get(ws, second.id))!);
    expect(instance.requests.length).toBe(before);
    expect(skipped.error?.message).toContain('account "Piaille" needs re-authorisation');
    const shown = (await t.call('GET', `/api/sources/${second.id}`)).json as { health: { status: string; lastError: { message: string } } };
    expect(shown.health.status).toBe('needs_reauth');
    expect(shown.health.lastError.message).toContain('needs re-authorisation');

    // A new token re-authorises: the account is ok, its sources are due now and poll again.
    const patched = await t.call('PATCH', `/api/accounts/${account.id}`, { config: { token: 'good-token-123' } });
    expect(patched.status).toBe(200);
    expect(patched.json.status).toBe('ok');
    const resumed = (await t.vigie.store.sources.get(ws, second.id))!;
    expect(resumed.health.status).toBe('pending');
    expect(Date.parse(resumed.health.nextRunAt)).toBeLessThanOrEqual(Date.now());
    const polled = await t.vigie.pollSource(resumed);
    expect(polled.error).toBeUndefined();
    expect(instance.requests.at(-1)?.authorization).toBe('Bearer good-token-123');
  });

  it('a stream refused with 401 marks the account needs_reauth; its streams stop and restart once re-authorised', async () => {
    const account = await createAccount('expired-stream-1');
    const source = await createSource(account.id, 'direct');
    const ws = t.vigie.defaultWorkspace.id;
    const streams = createStreamWorker({ store: t.vigie.store, ingest: t.vigie.ingest, http: (await import('@vigie/connectors')).createHttpClient({ allowPrivate: true }), log: t.vigie.log, secrets: t.vigie.secrets, now: () => new Date() });
    try {
      await streams.start();
      const until = Date.now() + 10_000;
      while ((await t.vigie.store.accounts.get(ws, account.id))?.status !== 'needs_reauth' && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      expect((await t.vigie.store.accounts.get(ws, account.id))?.status).toBe('needs_reauth');
      await streams.refresh();
      expect(streams.active()).not.toContain(source.id);

      await t.call('PATCH', `/api/accounts/${account.id}`, { config: { token: 'good-token-123' } });
      await streams.refresh();
      expect(streams.active()).toContain(source.id);
    } finally {
      await streams.stop();
      await t.call('DELETE', `/api/sources/${source.id}`);
    }
  });

  it('refuses to delete an account its sources use, and refuses another connector’s account', async () => {
    const account = await createAccount('good-token-123');
    const source = await createSource(account.id, 'suppression');
    const refused = await t.call('DELETE', `/api/accounts/${account.id}`);
    expect(refused.status).toBe(409);
    expect(String((refused.json.error as { message: string }).message)).toContain('suppression');
    const wrong = await t.call('POST', '/api/sources', { connector: 'bluesky', accountId: account.id, config: { search: 'vigie' } });
    expect(wrong.status).toBe(400);
    expect(await t.call('DELETE', `/api/sources/${source.id}`)).toMatchObject({ status: 204 });
    expect(await t.call('DELETE', `/api/accounts/${account.id}`)).toMatchObject({ status: 204 });
  });

  it('tests an account through one of its sources', async () => {
    const account = await createAccount('good-token-123');
    const none = await t.call('POST', `/api/accounts/${account.id}/test`);
    expect(none.json).toMatchObject({ ok: true, checked: false });
    await createSource(account.id, 'essai');
    const tested = await t.call('POST', `/api/accounts/${account.id}/test`);
    expect(tested.json).toMatchObject({ ok: true, checked: true, source: expect.stringContaining('essai') });
  });

  it('offers the account form of each connector that holds credentials', async () => {
    const listed = await t.call('GET', '/api/accounts/connectors');
    const x = listed.json.items?.find((c) => c.id === 'x') as { accountConfigSchema: { properties: Record<string, { writeOnly?: boolean }> }; billsReads: boolean } | undefined;
    expect(x?.billsReads).toBe(true);
    expect(x?.accountConfigSchema.properties.bearerToken?.writeOnly).toBe(true);
    expect(listed.json.items?.find((c) => c.id === 'mastodon')).toMatchObject({ oauth: true });
    expect(listed.json.items?.some((c) => c.id === 'rss')).toBe(false);
  });
});

describe('X read budget per account', () => {
  let t: TestVigie;
  beforeAll(async () => {
    t = await createTestVigie();
  });
  afterAll(async () => {
    await t.close();
  });

  it('two sources of one account draw from one monthly budget', async () => {
    const bearerToken = 'AAAAAAAAAAAAAAAAAAAAAvigie-test-bearer-token';
    const created = await t.call('POST', '/api/accounts', { connector: 'x', name: 'Brand app', config: { bearerToken, monthlyReadBudget: 100 } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ budget: { monthlyReads: 100, used: 0 }, secretsSet: ['bearerToken'] });
    const accountId = String(created.json.id);
    const a = await t.call('POST', '/api/sources', { connector: 'x', accountId, config: { query: 'vigie' } });
    const b = await t.call('POST', '/api/sources', { connector: 'x', accountId, config: { query: 'veille' } });
    expect([a.status, b.status]).toEqual([201, 201]);
    const ws = t.vigie.defaultWorkspace.id;
    const deps = { store: t.vigie.store, secrets: t.vigie.secrets, log: t.vigie.log, now: () => new Date() };
    const sourceA = (await t.vigie.store.sources.get(ws, String(a.json.id)))!;
    const sourceB = (await t.vigie.store.sources.get(ws, String(b.json.id)))!;

    // Source A reads 60 posts (what the X poll writes to its state), counted on the account.
    const preparedA = await prepareSource(deps, sourceA);
    expect(preparedA.ok && preparedA.config).toMatchObject({ bearerToken, monthlyReadBudget: 100, query: 'vigie' });
    const month = new Date().toISOString().slice(0, 7);
    await recordAccountReads(deps, preparedA, sourceA, { reads: { month, count: 60 } });

    // Source B starts from the account's 60, not from its own 0: 40 left, one page of 40 at most.
    const preparedB = await prepareSource(deps, sourceB);
    if (!preparedB.ok) throw new Error('expected the account to be usable');
    expect(preparedB.state.reads).toEqual({ month, count: 60 });
    expect(planPage(preparedB.config.monthlyReadBudget as number, preparedB.state.reads as { month: string; count: number }, new Date())).toBe(40);
    await recordAccountReads(deps, preparedB, sourceB, { reads: { month, count: 95 } });

    const shown = await t.call('GET', `/api/accounts/${accountId}`);
    expect(shown.json.budget).toEqual({ monthlyReads: 100, used: 95, month });
    const preparedA2 = await prepareSource(deps, sourceA);
    if (!preparedA2.ok) throw new Error('expected the account to be usable');
    expect(() => planPage(preparedA2.config.monthlyReadBudget as number, preparedA2.state.reads as { month: string; count: number }, new Date())).toThrow(/monthly read budget of 100 posts used up/);
  });
});
