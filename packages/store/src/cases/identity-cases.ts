import { describe, expect, it } from 'vitest';
import type { AuditActor, ConversationSighting, Mention, Session } from '@vigie/core';
import type { VigieStore } from '../create-store';
import { uniqueSlug } from './catalog-cases';
import { at, makeMention } from './mention-factory';

let counter = 0;
/** Users are instance-wide and every case shares one database: each test gets its own addresses. */
const uniqueEmail = (name: string): string => `${name}.${Date.now().toString(36)}.${(counter += 1)}@example.com`;
const uniqueHash = (label: string): string => `${label}-${Date.now().toString(36)}-${(counter += 1)}`.padEnd(64, '0');

const T0 = Date.UTC(2026, 10, 26, 8, 0, 0);
/** ISO time `minutes` after 2026-11-26 08:00 UTC. */
const iso = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();
const date = (minutes: number): Date => new Date(T0 + minutes * 60_000);

const alice: AuditActor = { kind: 'user', id: 'u-alice', label: 'alice@example.com' };

/** Users, memberships, sessions, API tokens, one-time tokens, login attempts, the audit log, data rights. */
export function identityCases(getStore: () => VigieStore): void {
  const newWorkspace = (store: VigieStore) => store.workspaces.create({ name: 'Identity', slug: uniqueSlug('identity') });
  const newUser = (store: VigieStore, name = 'alice') => store.users.create({ email: uniqueEmail(name), name, passwordHash: 'scrypt$x' });
  const newSession = (store: VigieStore, input: { userId: string; workspaceId: string }, overrides: Partial<Omit<Session, 'id'>> = {}) =>
    store.sessions.create(uniqueHash('session'), {
      ...input, csrfToken: 'csrf', createdAt: iso(0), lastSeenAt: iso(0), expiresAt: iso(12 * 60), absoluteExpiresAt: iso(30 * 24 * 60), ...overrides,
    });

  describe('users', () => {
    it('stores the e-mail lower-cased, finds it whatever the case, and refuses the same address twice', async () => {
      const store = getStore();
      const before = await store.users.count();
      const email = uniqueEmail('Jeanne.Martin');
      const user = await store.users.create({ email: `  ${email.toUpperCase()} `, name: 'Jeanne', locale: 'en', passwordHash: 'scrypt$abc' });
      expect(user).toMatchObject({ email: email.toLowerCase(), name: 'Jeanne', locale: 'en', passwordHash: 'scrypt$abc' });
      expect(await store.users.getByEmail(email)).toEqual(user);
      expect(await store.users.get(user.id)).toEqual(user);
      expect(await store.users.count()).toBe(before + 1);

      await expect(store.users.create({ email: email.toLowerCase(), name: 'Twin' })).rejects.toMatchObject({ code: 'conflict' });
      await expect(store.users.create({ email: `${email[0]!.toUpperCase()}${email.slice(1)}`, name: 'Twin' })).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.users.count()).toBe(before + 1);
    });

    it('updates, disables and enables again, deletes', async () => {
      const store = getStore();
      const user = await store.users.create({ email: uniqueEmail('paul'), name: 'Paul' });
      expect(user.locale).toBe('fr');
      expect(user.passwordHash).toBeUndefined();
      const disabled = await store.users.update(user.id, { name: 'Paul D.', passwordHash: 'scrypt$new', disabledAt: iso(5) });
      expect(disabled).toMatchObject({ name: 'Paul D.', passwordHash: 'scrypt$new', disabledAt: iso(5) });
      const enabled = await store.users.update(user.id, { disabledAt: undefined });
      expect(enabled?.disabledAt).toBeUndefined();
      expect(enabled?.passwordHash).toBe('scrypt$new');
      expect(await store.users.update('missing', { name: 'x' })).toBeUndefined();
      expect(await store.users.delete(user.id)).toBe(true);
      expect(await store.users.get(user.id)).toBeUndefined();
      expect(await store.users.delete(user.id)).toBe(false);
    });
  });

  describe('memberships', () => {
    it('adds, changes the role (owner count follows), lists both ways and removes', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const other = await newWorkspace(store);
      const owner = await newUser(store, 'owner');
      const bob = await newUser(store, 'bob');

      const ownership = await store.memberships.set(ws.id, owner.id, 'owner');
      await store.memberships.set(ws.id, bob.id, 'agent');
      await store.memberships.set(other.id, bob.id, 'analyst');
      expect(await store.memberships.countOwners(ws.id)).toBe(1);

      const promoted = await store.memberships.set(ws.id, bob.id, 'owner');
      expect(promoted).toMatchObject({ workspaceId: ws.id, userId: bob.id, role: 'owner' });
      expect(await store.memberships.countOwners(ws.id)).toBe(2);
      expect(await store.memberships.countOwners(other.id)).toBe(0);
      // Changing the role keeps the membership's date.
      expect((await store.memberships.set(ws.id, owner.id, 'manager')).createdAt).toBe(ownership.createdAt);
      expect(await store.memberships.countOwners(ws.id)).toBe(1);

      const members = await store.memberships.listByWorkspace(ws.id);
      expect(members.map((m) => [m.user.email, m.role])).toEqual(
        [[owner.email, 'manager'], [bob.email, 'owner']].sort((a, b) => a[0]!.localeCompare(b[0]!)),
      );
      expect(members[0]!.user.passwordHash).toBe('scrypt$x');
      expect((await store.memberships.listByUser(bob.id)).map((m) => [m.workspaceId, m.role])).toEqual([[ws.id, 'owner'], [other.id, 'analyst']]);

      expect(await store.memberships.remove(ws.id, bob.id)).toBe(true);
      expect(await store.memberships.remove(ws.id, bob.id)).toBe(false);
      expect(await store.memberships.get(ws.id, bob.id)).toBeUndefined();
      expect(await store.memberships.countOwners(ws.id)).toBe(0);
      await expect(store.memberships.set(ws.id, 'no-such-user', 'agent')).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('sessions', () => {
    it('finds a live session by its hash and never an expired one (idle or absolute)', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const user = await newUser(store);
      const hash = uniqueHash('cookie');
      const session = await store.sessions.create(hash, {
        userId: user.id, workspaceId: ws.id, csrfToken: 'csrf-1', createdAt: iso(0), lastSeenAt: iso(0), expiresAt: iso(60), absoluteExpiresAt: iso(120),
        userAgent: 'Firefox', ip: '192.0.2.1',
      });
      expect(await store.sessions.findLive(hash, date(30))).toEqual(session);
      expect(await store.sessions.findLive(hash, date(60))).toBeUndefined();
      expect(await store.sessions.findLive(uniqueHash('other'), date(30))).toBeUndefined();

      // Used at minute 50: idle expiry moves forward, but never past the absolute one.
      await store.sessions.touch(session.id, iso(50), iso(110));
      expect(await store.sessions.findLive(hash, date(100))).toMatchObject({ lastSeenAt: iso(50), expiresAt: iso(110) });
      await store.sessions.touch(session.id, iso(100), iso(200));
      expect(await store.sessions.findLive(hash, date(119))).toBeDefined();
      expect(await store.sessions.findLive(hash, date(120))).toBeUndefined();

      expect(await store.sessions.deleteExpired(date(121))).toBeGreaterThanOrEqual(1);
      // Swept: even a clock read earlier no longer finds it.
      expect(await store.sessions.findLive(hash, date(30))).toBeUndefined();
    });

    it('switches workspace, signs out one session or all of a user', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const other = await newWorkspace(store);
      const user = await newUser(store);
      const someoneElse = await newUser(store, 'carol');
      const hashes = [uniqueHash('a'), uniqueHash('b'), uniqueHash('c')];
      const base = { userId: user.id, workspaceId: ws.id, csrfToken: 'c', createdAt: iso(0), lastSeenAt: iso(0), expiresAt: iso(60), absoluteExpiresAt: iso(120) };
      const [first, second] = [await store.sessions.create(hashes[0]!, base), await store.sessions.create(hashes[1]!, base)];
      await store.sessions.create(hashes[2]!, { ...base, userId: someoneElse.id });

      await store.sessions.setWorkspace(first.id, other.id);
      expect((await store.sessions.findLive(hashes[0]!, date(1)))?.workspaceId).toBe(other.id);
      await expect(store.sessions.setWorkspace(first.id, 'no-such-workspace')).rejects.toMatchObject({ code: 'not_found' });

      await store.sessions.delete(second.id);
      expect(await store.sessions.findLive(hashes[1]!, date(1))).toBeUndefined();
      expect(await store.sessions.deleteByUser(user.id)).toBe(1);
      expect(await store.sessions.findLive(hashes[0]!, date(1))).toBeUndefined();
      expect(await store.sessions.findLive(hashes[2]!, date(1))).toBeDefined();
    });
  });

  describe('API tokens', () => {
    it('authenticate until revoked or expired; revoked ones stay listed; revoking is per workspace', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const other = await newWorkspace(store);
      const user = await newUser(store);
      const [ciHash, oldHash] = [uniqueHash('ci'), uniqueHash('old')];
      const ci = await store.apiTokens.create(ciHash, { workspaceId: ws.id, name: 'CI', role: 'analyst', prefix: 'vgt_abcdefgh', createdBy: user.id, createdAt: iso(0) });
      const old = await store.apiTokens.create(oldHash, { workspaceId: ws.id, name: 'Old', role: 'manager', prefix: 'vgt_zyxwvuts', createdAt: iso(1), expiresAt: iso(60) });
      expect(ci).toMatchObject({ workspaceId: ws.id, name: 'CI', role: 'analyst', prefix: 'vgt_abcdefgh', createdBy: user.id });

      expect(await store.apiTokens.findLive(ciHash, date(10))).toEqual(ci);
      expect(await store.apiTokens.findLive(oldHash, date(59))).toEqual(old);
      expect(await store.apiTokens.findLive(oldHash, date(60))).toBeUndefined();

      await store.apiTokens.markUsed(ci.id, iso(5));
      expect((await store.apiTokens.findLive(ciHash, date(10)))?.lastUsedAt).toBe(iso(5));

      expect(await store.apiTokens.revoke(other.id, ci.id, iso(20))).toBe(false);
      expect(await store.apiTokens.findLive(ciHash, date(21))).toBeDefined();
      expect(await store.apiTokens.revoke(ws.id, ci.id, iso(20))).toBe(true);
      expect(await store.apiTokens.findLive(ciHash, date(21))).toBeUndefined();
      // Revoking again keeps the first time.
      expect(await store.apiTokens.revoke(ws.id, ci.id, iso(30))).toBe(true);

      const listed = await store.apiTokens.list(ws.id);
      expect(listed.map((t) => [t.name, t.revokedAt])).toEqual([['Old', undefined], ['CI', iso(20)]]);
      expect(JSON.stringify(listed)).not.toContain(ciHash);
      expect(await store.apiTokens.list(other.id)).toEqual([]);
    });
  });

  describe('one-time tokens', () => {
    it('is consumed once, even by ten requests at the same moment', async () => {
      const store = getStore();
      const user = await newUser(store);
      const hash = uniqueHash('reset');
      await store.oneTimeTokens.create(hash, { kind: 'password_reset', userId: user.id, createdAt: iso(0), expiresAt: iso(60) });

      expect(await store.oneTimeTokens.consume(hash, 'invitation', date(1))).toBeUndefined();
      expect(await store.oneTimeTokens.peek(hash, 'password_reset', date(1))).toMatchObject({ kind: 'password_reset', userId: user.id });
      const results = await Promise.all(Array.from({ length: 10 }, () => store.oneTimeTokens.consume(hash, 'password_reset', date(2))));
      const winners = results.filter((r) => r !== undefined);
      expect(winners).toHaveLength(1);
      expect(winners[0]).toMatchObject({ kind: 'password_reset', userId: user.id, usedAt: iso(2) });
      expect(await store.oneTimeTokens.consume(hash, 'password_reset', date(3))).toBeUndefined();
      expect(await store.oneTimeTokens.peek(hash, 'password_reset', date(3))).toBeUndefined();
    });

    it('expires, and deleting a kind removes only unused tokens of that kind', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const [setupA, setupB, used, invite] = [uniqueHash('s1'), uniqueHash('s2'), uniqueHash('s3'), uniqueHash('inv')];
      await store.oneTimeTokens.create(setupA, { kind: 'setup', createdAt: iso(0), expiresAt: iso(24 * 60) });
      await store.oneTimeTokens.create(setupB, { kind: 'setup', createdAt: iso(0), expiresAt: iso(24 * 60) });
      await store.oneTimeTokens.create(used, { kind: 'setup', createdAt: iso(0), expiresAt: iso(24 * 60) });
      const invitation = await store.oneTimeTokens.create(invite, { kind: 'invitation', email: 'New.Member@Example.com', workspaceId: ws.id, role: 'agent', createdAt: iso(0), expiresAt: iso(60) });
      expect(invitation.email).toBe('new.member@example.com');

      expect(await store.oneTimeTokens.peek(invite, 'invitation', date(60))).toBeUndefined();
      expect(await store.oneTimeTokens.consume(invite, 'invitation', date(61))).toBeUndefined();
      expect(await store.oneTimeTokens.consume(used, 'setup', date(1))).toBeDefined();

      expect(await store.oneTimeTokens.deleteKind('setup')).toBeGreaterThanOrEqual(2);
      expect(await store.oneTimeTokens.peek(setupA, 'setup', date(1))).toBeUndefined();
      expect(await store.oneTimeTokens.peek(setupB, 'setup', date(1))).toBeUndefined();
      // The invitation (another kind) is still there for its filter.
      expect(await store.oneTimeTokens.deleteKind('invitation', { email: 'someone.else@example.com' })).toBe(0);
      expect(await store.oneTimeTokens.peek(invite, 'invitation', date(1))).toMatchObject({ workspaceId: ws.id, role: 'agent' });
      expect(await store.oneTimeTokens.deleteKind('invitation', { email: 'NEW.member@example.com' })).toBe(1);
      expect(await store.oneTimeTokens.peek(invite, 'invitation', date(1))).toBeUndefined();
    });
  });

  describe('login attempts', () => {
    it('counts failures of one key within the window, forgets older ones and clears on success', async () => {
      const store = getStore();
      const key = uniqueHash('email');
      const otherKey = uniqueHash('other-email');
      const window = 15 * 60_000;
      const counts = [];
      for (const minute of [0, 1, 2, 3]) counts.push(await store.loginAttempts.recordFailure(key, date(minute), window));
      expect(counts).toEqual([1, 2, 3, 4]);
      expect(await store.loginAttempts.recordFailure(otherKey, date(4), window)).toBe(1);
      expect(await store.loginAttempts.recordFailure(key, date(5), window)).toBe(5);
      expect(await store.loginAttempts.failuresSince(key, date(5 - 15))).toBe(5);
      // At minute 16, the failures of minutes 0 and 1 have left the 15-minute window.
      expect(await store.loginAttempts.recordFailure(key, date(16), window)).toBe(4);
      expect(await store.loginAttempts.failuresSince(key, date(2))).toBe(3);

      await store.loginAttempts.clear(key);
      expect(await store.loginAttempts.failuresSince(key, date(0))).toBe(0);
      expect(await store.loginAttempts.failuresSince(otherKey, date(0))).toBe(1);
    });
  });

  describe('audit log', () => {
    it('lists newest first across pages, filters, and never shows another workspace', async () => {
      const store = getStore();
      const a = await newWorkspace(store);
      const b = await newWorkspace(store);
      const actions = ['token.create', 'member.add', 'token.revoke', 'source.update', 'token.create'];
      const appended = [];
      for (const [i, action] of actions.entries()) {
        appended.push(await store.audit.append({ workspaceId: a.id, at: iso(i), actor: alice, action, target: `thing:${i}`, ip: '192.0.2.7', details: { n: i } }));
      }
      // Two entries in the same millisecond keep their order of arrival.
      appended.push(await store.audit.append({ workspaceId: a.id, at: iso(4), actor: { kind: 'cli', label: 'vigie CLI' }, action: 'data.export' }));
      await store.audit.append({ workspaceId: b.id, at: iso(2), actor: alice, action: 'token.create', target: 'secret-of-b' });
      await store.audit.append({ at: iso(3), actor: { kind: 'system', label: 'Vigie' }, action: 'session.login_failed' });

      const seen = [];
      let cursor: string | undefined;
      do {
        const page = await store.audit.list(a.id, {}, { limit: 2, ...(cursor !== undefined && { cursor }) });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen.map((e) => e.id)).toEqual([...appended].reverse().map((e) => e.id));
      expect(seen.every((e) => e.workspaceId === a.id)).toBe(true);
      expect(seen.find((e) => e.action === 'member.add')).toEqual(appended[1]);
      expect(seen[0]).toMatchObject({ action: 'data.export', actor: { kind: 'cli', label: 'vigie CLI' } });
      expect(seen[0]?.actor.id).toBeUndefined();

      const tokens = await store.audit.list(a.id, { action: 'token.create' }, { limit: 10 });
      expect(tokens.items.map((e) => e.target)).toEqual(['thing:4', 'thing:0']);
      const window = await store.audit.list(a.id, { since: iso(1), until: iso(3) }, { limit: 10 });
      expect(window.items.map((e) => e.action)).toEqual(['token.revoke', 'member.add']);
      expect((await store.audit.list(a.id, { actorId: 'nobody' }, { limit: 10 })).items).toEqual([]);

      const ofB = await store.audit.list(b.id, {}, { limit: 10 });
      expect(ofB.items.map((e) => e.target)).toEqual(['secret-of-b']);
      await expect(store.audit.list(a.id, {}, { limit: 10, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });

  describe('deleting', () => {
    it('a workspace removes its memberships, sessions, API tokens, invitations and audit, not the users', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const kept = await newWorkspace(store);
      const user = await newUser(store);
      await store.memberships.set(ws.id, user.id, 'owner');
      await store.memberships.set(kept.id, user.id, 'agent');
      const sessionHash = uniqueHash('session');
      await store.sessions.create(sessionHash, { userId: user.id, workspaceId: ws.id, csrfToken: 'c', createdAt: iso(0), lastSeenAt: iso(0), expiresAt: iso(60), absoluteExpiresAt: iso(120) });
      const tokenHash = uniqueHash('token');
      await store.apiTokens.create(tokenHash, { workspaceId: ws.id, name: 'CI', role: 'agent', prefix: 'vgt_12345678', createdAt: iso(0) });
      const inviteHash = uniqueHash('invite');
      await store.oneTimeTokens.create(inviteHash, { kind: 'invitation', email: 'x@example.com', workspaceId: ws.id, role: 'agent', createdAt: iso(0), expiresAt: iso(60) });
      await store.audit.append({ workspaceId: ws.id, at: iso(0), actor: alice, action: 'member.add' });

      await store.workspaces.delete(ws.id);

      expect(await store.users.get(user.id)).toBeDefined();
      expect((await store.memberships.listByUser(user.id)).map((m) => m.workspaceId)).toEqual([kept.id]);
      expect(await store.sessions.findLive(sessionHash, date(1))).toBeUndefined();
      expect(await store.apiTokens.findLive(tokenHash, date(1))).toBeUndefined();
      expect(await store.oneTimeTokens.peek(inviteHash, 'invitation', date(1))).toBeUndefined();
      expect((await store.audit.list(ws.id, {}, { limit: 10 })).items).toEqual([]);
    });

    it('a user removes their memberships and sessions; the API tokens they made stay, without a creator', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const user = await newUser(store);
      await store.memberships.set(ws.id, user.id, 'owner');
      await newSession(store, { userId: user.id, workspaceId: ws.id });
      const tokenHash = uniqueHash('token');
      await store.apiTokens.create(tokenHash, { workspaceId: ws.id, name: 'CI', role: 'agent', prefix: 'vgt_12345678', createdBy: user.id, createdAt: iso(0) });

      expect(await store.users.delete(user.id)).toBe(true);
      expect(await store.memberships.listByWorkspace(ws.id)).toEqual([]);
      expect(await store.sessions.deleteByUser(user.id)).toBe(0);
      const token = await store.apiTokens.findLive(tokenHash, date(1));
      expect(token).toMatchObject({ name: 'CI' });
      expect(token?.createdBy).toBeUndefined();
    });
  });

  describe('data rights', () => {
    async function seedAuthors(store: VigieStore) {
      const ws = await newWorkspace(store);
      const other = await newWorkspace(store);
      const word = `zorglub${(counter += 1)}`;
      // Alice's texts hold a word no one else's do, to see her full-text entries go.
      const by = (handle: string, connector: 'rss' | 'mastodon', minutes: number, signature = 'cordialement') =>
        makeMention({ author: { handle }, connector, text: `${word} écrit par ${handle}, ${signature}`, publishedAt: at(minutes) });
      const { inserted } = await store.mentions.upsertMany(ws.id, [
        by('@Alice', 'mastodon', 1, 'wonderland'), by('alice', 'mastodon', 2, 'wonderland'), by('ALICE', 'rss', 3, 'wonderland'),
        by('bob', 'rss', 0), by('alicette', 'rss', 5),
      ]);
      await store.mentions.upsertMany(other.id, [by('alice', 'mastodon', 1, 'wonderland')]);
      return { ws, other, word, mentions: inserted };
    }

    it('erases one author by handle, any case or leading @, on one connector or all, full-text entry included', async () => {
      const store = getStore();
      const { ws, other, word } = await seedAuthors(store);
      expect(await store.mentions.count(ws.id, { search: word })).toBe(5);
      expect(await store.mentions.count(ws.id, { search: 'wonderland' })).toBe(3);

      expect(await store.mentions.deleteByAuthor(ws.id, { handle: 'alice', connector: 'mastodon' })).toBe(2);
      expect((await store.mentions.list(ws.id, { search: word }, { limit: 10 })).items.map((m) => m.author.handle).sort()).toEqual(['ALICE', 'alicette', 'bob']);

      expect(await store.mentions.deleteByAuthor(ws.id, { handle: '@aLiCe' })).toBe(1);
      expect((await store.mentions.list(ws.id, { search: word }, { limit: 10 })).items.map((m) => m.author.handle).sort()).toEqual(['alicette', 'bob']);
      expect(await store.mentions.count(ws.id, { search: 'wonderland' })).toBe(0);
      // Another workspace's mentions by the same handle are not touched.
      expect(await store.mentions.count(other.id, { search: word })).toBe(1);
      expect(await store.mentions.deleteByAuthor(ws.id, { handle: 'nobody' })).toBe(0);
      await expect(store.mentions.deleteByAuthor(ws.id, { handle: ' @ ' })).rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('erases a handle with accents whatever its case, on both databases', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      await store.mentions.upsertMany(ws.id, [
        makeMention({ author: { handle: 'Élodie' } }), makeMention({ author: { handle: '@ÉLODIE' }, connector: 'mastodon' }),
        makeMention({ author: { handle: 'elodie' } }), makeMention({ author: { handle: 'Élodie2' } }),
      ]);
      expect(await store.mentions.deleteByAuthor(ws.id, { handle: 'élodie', connector: 'mastodon' })).toBe(1);
      expect(await store.mentions.deleteByAuthor(ws.id, { handle: '@élodie' })).toBe(1);
      expect((await store.mentions.list(ws.id, {}, { limit: 10 })).items.map((m) => m.author.handle).sort()).toEqual(['elodie', 'Élodie2']);
    });

    it('retention deletes mentions published before a date, in one workspace', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      const other = await newWorkspace(store);
      await store.mentions.upsertMany(ws.id, Array.from({ length: 10 }, (_, i) => makeMention({ publishedAt: at(i) })));
      await store.mentions.upsertMany(other.id, [makeMention({ publishedAt: at(0) })]);

      expect(await store.mentions.deleteOlderThan(ws.id, at(4))).toBe(4);
      const left = await store.mentions.list(ws.id, {}, { limit: 20 });
      expect(left.items.map((m) => m.publishedAt).sort()).toEqual(Array.from({ length: 6 }, (_, i) => at(i + 4)));
      expect(await store.mentions.count(other.id, {})).toBe(1);
      expect(await store.mentions.deleteOlderThan(ws.id, at(4))).toBe(0);
    });

    it('retention purges more mentions than one batch and counts them all', async () => {
      const store = getStore();
      const ws = await newWorkspace(store);
      await store.mentions.upsertMany(ws.id, Array.from({ length: 5003 }, () => makeMention({ publishedAt: at(1) })));
      await store.mentions.upsertMany(ws.id, [makeMention({ publishedAt: at(9) })]);
      expect(await store.mentions.deleteOlderThan(ws.id, at(2))).toBe(5003);
      expect(await store.mentions.count(ws.id, {})).toBe(1);
    });

    it('after an erase, conversations left without a mention are deleted, the others keep the remaining mentions', async () => {
      const store = getStore();
      const { ws, mentions } = await seedAuthors(store);
      const byHandle = (handle: string): Mention => mentions.find((m) => m.author.handle === handle)!;
      const sighting = (mention: Mention, key: string): ConversationSighting => ({
        key, connector: mention.connector, entry: 'question', mentionId: mention.id, publishedAt: mention.publishedAt, priority: 50,
        reasons: [], recommendation: { action: 'reply', reasons: [], priority: 50, priorityReasons: [] }, dueAt: at(60),
        lastAuthor: mention.author.handle, preview: mention.text,
      });
      const onlyAlice = await store.conversations.record(ws.id, sighting(byHandle('@Alice'), 'mastodon:1'));
      await store.conversations.record(ws.id, sighting(byHandle('alice'), 'mastodon:1'));
      await store.conversations.record(ws.id, sighting(byHandle('bob'), 'rss:2'));
      const mixed = await store.conversations.record(ws.id, sighting(byHandle('ALICE'), 'rss:2'));
      expect(mixed).toMatchObject({ lastAuthor: 'ALICE', mentionCount: 2 });
      await store.conversations.addNote(ws.id, onlyAlice.id, { author: 'agent', text: 'about alice' });

      expect(await store.mentions.deleteByAuthor(ws.id, { handle: 'alice' })).toBe(3);
      expect(await store.conversations.deleteEmpty(ws.id)).toBe(1);
      expect(await store.conversations.get(ws.id, onlyAlice.id)).toBeUndefined();
      expect(await store.conversations.mentionIds(ws.id, mixed.id)).toEqual([byHandle('bob').id]);
      // Alice wrote the latest message of the mixed thread: it now shows Bob's, not her words.
      expect(await store.conversations.get(ws.id, mixed.id)).toMatchObject({
        lastAuthor: 'bob', lastMentionId: byHandle('bob').id, preview: byHandle('bob').text, mentionCount: 1, url: byHandle('bob').url,
      });

      expect(await store.conversations.deleteEmpty(ws.id)).toBe(0);
    });
  });
}
