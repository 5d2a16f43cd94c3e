/**
 * A source linked to an account does not keep a copy of what the account supplies (Bluesky's
 * identifier, Mastodon's instance, the credentials): when the account changes, its sources follow.
 * A value the user typed that differs from the account's is the source's own and stays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { prepareSource } from './account-service';

const OLD_INSTANCE = 'http://127.0.0.1:4101';
const NEW_INSTANCE = 'http://127.0.0.1:4102';
const OTHER_INSTANCE = 'http://127.0.0.1:4103';

describe('sources linked to an account', () => {
  let t: TestVigie;
  beforeAll(async () => {
    t = await createTestVigie();
  });
  afterAll(() => t.close());

  const ws = (): string => t.vigie.defaultWorkspace.id;
  const deps = () => ({ store: t.vigie.store, secrets: t.vigie.secrets, log: t.vigie.log, now: () => new Date() });
  /** The settings a poll of the source runs with (its own merged with its account's). */
  async function runsWith(sourceId: string): Promise<Record<string, unknown>> {
    const source = await t.vigie.store.sources.get(ws(), sourceId);
    const prepared = await prepareSource(deps(), source!);
    if (!prepared.ok) throw new Error(prepared.error.message);
    return prepared.config;
  }

  async function account(connector: string, config: Record<string, unknown>): Promise<string> {
    const created = await t.call('POST', '/api/accounts', { connector, name: `${connector} account`, config });
    expect(created.status).toBe(201);
    return String(created.json.id);
  }

  it('Bluesky: a new identifier on the account is what its notifications source signs in with', async () => {
    const accountId = await account('bluesky', { identifier: 'old.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
    // The form may send the identifier the account already has: it is not copied.
    const created = await t.call('POST', '/api/sources', { connector: 'bluesky', accountId, config: { notifications: true, identifier: '@old.bsky.social' } });
    expect(created.status).toBe(201);
    const stored = await t.vigie.store.sources.get(ws(), String(created.json.id));
    expect(stored?.config).toEqual({ notifications: true });

    const patched = await t.call('PATCH', `/api/accounts/${accountId}`, { config: { identifier: 'new.bsky.social' } });
    expect(patched.status).toBe(200);
    expect(await runsWith(String(created.json.id))).toMatchObject({ notifications: true, identifier: 'new.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
  });

  it('Mastodon: a source follows its account to a new instance and is named after it; another instance typed by the user stays', async () => {
    const accountId = await account('mastodon', { instance: OLD_INSTANCE, token: 'token-0123456789' });
    const same = await t.call('POST', '/api/sources', { connector: 'mastodon', accountId, config: { instance: `${OLD_INSTANCE}/`, hashtag: 'vigie' } });
    expect(same.status).toBe(201);
    expect(same.json.name).toBe('#vigie @ 127.0.0.1:4101');
    const bare = await t.call('POST', '/api/sources', { connector: 'mastodon', accountId, config: { notifications: true } });
    expect(bare.status).toBe(201);
    const other = await t.call('POST', '/api/sources', { connector: 'mastodon', accountId, config: { instance: OTHER_INSTANCE, timeline: 'local' } });
    expect(other.status).toBe(201);
    expect((await t.vigie.store.sources.get(ws(), String(same.json.id)))?.config).toEqual({ hashtag: 'vigie' });
    expect((await t.vigie.store.sources.get(ws(), String(other.json.id)))?.config).toEqual({ instance: OTHER_INSTANCE, timeline: 'local' });

    // The account moves to another instance (a token is issued per instance: a new one comes with it).
    const patched = await t.call('PATCH', `/api/accounts/${accountId}`, { config: { instance: NEW_INSTANCE, token: 'token-new-instance' } });
    expect(patched.status).toBe(200);
    expect(await runsWith(String(same.json.id))).toMatchObject({ instance: NEW_INSTANCE, hashtag: 'vigie', token: 'token-new-instance' });
    expect(await runsWith(String(bare.json.id))).toMatchObject({ instance: NEW_INSTANCE, notifications: true });
    expect(await runsWith(String(other.json.id))).toMatchObject({ instance: OTHER_INSTANCE, timeline: 'local' });

    // Editing the source with the account's instance does not copy it back either.
    const edited = await t.call('PATCH', `/api/sources/${String(same.json.id)}`, { config: { instance: NEW_INSTANCE, hashtag: 'veille' } });
    expect(edited.status).toBe(200);
    expect((await t.vigie.store.sources.get(ws(), String(same.json.id)))?.config).toEqual({ hashtag: 'veille' });
  });

  it('Mastodon: the same hashtag through two accounts on two instances is two sources, through one account a duplicate', async () => {
    const first = await account('mastodon', { instance: OLD_INSTANCE, token: 'token-first-0001' });
    const second = await account('mastodon', { instance: OTHER_INSTANCE, token: 'token-second-001' });
    expect((await t.call('POST', '/api/sources', { connector: 'mastodon', accountId: first, config: { hashtag: 'doublon' } })).status).toBe(201);
    expect((await t.call('POST', '/api/sources', { connector: 'mastodon', accountId: second, config: { hashtag: 'doublon' } })).status).toBe(201);
    expect((await t.call('POST', '/api/sources', { connector: 'mastodon', accountId: first, config: { instance: OLD_INSTANCE, hashtag: 'doublon' } })).status).toBe(409);
  });

  it('Mastodon: unlinking the account keeps the instance it supplied, so the source still validates and runs', async () => {
    const accountId = await account('mastodon', { instance: OLD_INSTANCE, token: 'token-9876543210' });
    const created = await t.call('POST', '/api/sources', { connector: 'mastodon', accountId, config: { timeline: 'public' } });
    expect(created.status).toBe(201);
    const unlinked = await t.call('PATCH', `/api/sources/${String(created.json.id)}`, { accountId: null });
    expect(unlinked.status).toBe(200);
    const stored = await t.vigie.store.sources.get(ws(), String(created.json.id));
    expect(stored?.accountId).toBeUndefined();
    expect(stored?.config).toEqual({ instance: OLD_INSTANCE, timeline: 'public' });
  });
});
