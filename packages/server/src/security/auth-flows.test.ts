/**
 * Sign-in and access as a person lives them: cookie attributes, rotation, CSRF and Origin,
 * lockout and rate limits, the first-run link, password reset by e-mail (real SMTP peer),
 * invitations, members, API tokens, workspaces, the audit log, the live stream, and logs free of secrets.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type MentionInput } from '@vigie/core';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createVigie } from '../create-vigie';
import { startServer, type StartedServer } from '../server';
import { createOwnerToken, createTestVigie, readEventStream, type CallResult, type TestVigie } from '../test/test-vigie';
import { hashPassword } from './password';

const PASSWORD = 'correct horse battery staple';

function cookieOf(r: CallResult): string | undefined {
  return /vigie_session=([^;]*)/.exec(r.headers.get('set-cookie') ?? '')?.[1];
}

async function withPassword(t: TestVigie, email: string, role: 'owner' | 'manager' | 'agent' | 'analyst' = 'agent', locale: 'fr' | 'en' = 'fr') {
  const user = await t.vigie.store.users.create({ email, name: email.split('@')[0]!, locale, passwordHash: await hashPassword(PASSWORD) });
  await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, user.id, role);
  return user;
}

async function login(t: TestVigie, email: string, password = PASSWORD, ip = '192.0.2.1', cookie?: string) {
  const r = await t.callAs(cookie ? { cookie } : 'anonymous', 'POST', '/api/auth/login', { email, password }, { ip });
  return { ...r, cookie: cookieOf(r), csrf: r.json.csrfToken as string };
}

describe('sign-in, sessions and CSRF', () => {
  let t: TestVigie;
  beforeAll(async () => {
    t = await createTestVigie();
    await withPassword(t, 'alice@velotys.example', 'manager');
  });
  afterAll(() => t.close());

  it('signs in with a cookie that scripts cannot read, and answers who I am', async () => {
    const r = await login(t, 'Alice@Velotys.example ');
    expect(r.status).toBe(200);
    const setCookie = r.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http here; https or an https VIGIE_PUBLIC_URL adds it
    expect(r.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.json).toMatchObject({ user: { email: 'alice@velotys.example' }, role: 'manager', via: 'session', workspace: { id: t.vigie.defaultWorkspace.id } });
    expect(r.json.permissions).toEqual(['read', 'respond', 'approve', 'configure']);
    const me = await t.callAs({ cookie: r.cookie! }, 'GET', '/api/session');
    expect(me.json).toMatchObject({ csrfToken: r.csrf, user: { email: 'alice@velotys.example' } });
  });

  it('adds Secure when the public address is https', async () => {
    const secure = await createTestVigie({ publicUrl: 'https://vigie.example.org' });
    await withPassword(secure, 'bob@velotys.example');
    expect((await login(secure, 'bob@velotys.example')).headers.get('set-cookie')).toMatch(/Secure/);
    await secure.close();
  });

  it('gives a new session at every sign-in and ends the one the browser had', async () => {
    const first = await login(t, 'alice@velotys.example');
    const second = await login(t, 'alice@velotys.example', PASSWORD, '192.0.2.1', first.cookie);
    expect(second.cookie).toBeDefined();
    expect(second.cookie).not.toBe(first.cookie);
    expect((await t.callAs({ cookie: first.cookie! }, 'GET', '/api/session')).status).toBe(401);
    expect((await t.callAs({ cookie: second.cookie! }, 'GET', '/api/session')).status).toBe(200);
  });

  it('signs out: the cookie is cleared and the session no longer works', async () => {
    const s = await login(t, 'alice@velotys.example');
    const out = await t.callAs({ cookie: s.cookie!, csrf: s.csrf }, 'POST', '/api/auth/logout');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/vigie_session=;.*Max-Age=0/);
    expect((await t.callAs({ cookie: s.cookie! }, 'GET', '/api/session')).status).toBe(401);
  });

  it('changes the password: other sessions end, this browser gets a new cookie, the old password stops working', async () => {
    await withPassword(t, 'jules@velotys.example', 'analyst');
    const elsewhere = await login(t, 'jules@velotys.example', PASSWORD, '192.0.2.30');
    const here = await login(t, 'jules@velotys.example', PASSWORD, '192.0.2.31');
    const wrong = await t.callAs({ cookie: here.cookie!, csrf: here.csrf }, 'PUT', '/api/session/password', { currentPassword: 'not it at all', newPassword: 'a new long passphrase' }, { ip: '192.0.2.31' });
    expect(wrong.status).toBe(400);
    expect((wrong.json.error as { details: { field: string }[] }).details[0]!.field).toBe('currentPassword');
    const weak = await t.callAs({ cookie: here.cookie!, csrf: here.csrf }, 'PUT', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'jules@velotys.example' }, { ip: '192.0.2.31' });
    expect((weak.json.error as { details: { field: string }[] }).details[0]!.field).toBe('newPassword');
    const changed = await t.callAs({ cookie: here.cookie!, csrf: here.csrf }, 'PUT', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'a new long passphrase' }, { ip: '192.0.2.31' });
    expect(changed.status).toBe(204);
    const renewed = cookieOf(changed);
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(here.cookie);
    expect((await t.callAs({ cookie: elsewhere.cookie! }, 'GET', '/api/session')).status).toBe(401);
    expect((await t.callAs({ cookie: here.cookie! }, 'GET', '/api/session')).status).toBe(401);
    expect((await t.callAs({ cookie: renewed! }, 'GET', '/api/session')).status).toBe(200);
    expect((await login(t, 'jules@velotys.example', PASSWORD, '192.0.2.32')).status).toBe(401);
    expect((await login(t, 'jules@velotys.example', 'a new long passphrase', '192.0.2.33')).status).toBe(200);
  });

  it('refuses a cookie request that changes something without the right CSRF token, or from another site', async () => {
    const s = await login(t, 'alice@velotys.example');
    const topic = { name: 'Ondine', kind: 'product', queries: ['ondine'] };
    const missing = await t.callAs({ cookie: s.cookie! }, 'POST', '/api/topics', topic);
    expect(missing.status).toBe(403);
    expect((missing.json.error as { message: string }).message).toMatch(/CSRF/);
    expect((await t.callAs({ cookie: s.cookie!, csrf: 'x'.repeat(43) }, 'POST', '/api/topics', topic)).status).toBe(403);
    const foreign = await t.callAs({ cookie: s.cookie!, csrf: s.csrf }, 'POST', '/api/topics', topic, { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await t.callAs({ cookie: s.cookie!, csrf: s.csrf }, 'POST', '/api/topics', topic, { headers: { origin: 'http://localhost' } })).status).toBe(201);
    // Reading needs no CSRF token; a Bearer token needs none either.
    expect((await t.callAs({ cookie: s.cookie! }, 'GET', '/api/topics')).status).toBe(200);
    expect((await t.callAs({ token: t.owner.token }, 'POST', '/api/topics', { ...topic, name: 'Ondine 2' }, { headers: { origin: 'https://evil.example' } })).status).toBe(201);
    // Nobody signs a browser into another account from a foreign page.
    expect((await t.callAs('anonymous', 'POST', '/api/auth/login', { email: 'alice@velotys.example', password: PASSWORD }, { headers: { origin: 'https://evil.example' } })).status).toBe(403);
  });
});

describe('guessing passwords', () => {
  let t: TestVigie;
  afterEach(() => t.close());

  it('says the same for a wrong e-mail and a wrong password', async () => {
    t = await createTestVigie();
    await withPassword(t, 'carol@velotys.example');
    const wrongPassword = await login(t, 'carol@velotys.example', 'not her password');
    const wrongEmail = await login(t, 'nobody@velotys.example', 'not her password');
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(wrongPassword.json).toEqual(wrongEmail.json);
  });

  it('locks an e-mail for 15 minutes after 5 failures, whether or not it has an account, with one answer', async () => {
    let now = Date.parse('2026-11-26T08:00:00Z');
    t = await createTestVigie({}, () => new Date(now));
    await withPassword(t, 'dave@velotys.example');
    for (let i = 0; i < 5; i += 1) {
      expect((await login(t, 'dave@velotys.example', `wrong ${i}`, `198.51.100.${i}`)).status).toBe(401);
      expect((await login(t, 'ghost@velotys.example', `wrong ${i}`, `198.51.100.${i}`)).status).toBe(401);
    }
    const locked = await login(t, 'dave@velotys.example', PASSWORD, '198.51.100.50');
    const ghost = await login(t, 'ghost@velotys.example', PASSWORD, '198.51.100.51');
    expect(locked.status).toBe(429);
    expect(locked.json).toEqual(ghost.json);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 16 * 60_000;
    expect((await login(t, 'dave@velotys.example', PASSWORD, '198.51.100.52')).status).toBe(200);
  });

  it('limits sign-in attempts per address: the 11th in 15 minutes gets 429 with Retry-After', async () => {
    const now = Date.parse('2026-11-26T08:00:00Z');
    t = await createTestVigie({}, () => new Date(now));
    await withPassword(t, 'erin@velotys.example');
    for (let i = 0; i < 10; i += 1) expect((await login(t, `someone-${i}@velotys.example`, 'x', '203.0.113.7')).status).toBe(401);
    const limited = await login(t, 'erin@velotys.example', PASSWORD, '203.0.113.7');
    expect(limited.status).toBe(429);
    expect((limited.json.error as { code: string }).code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(60);
    expect((await login(t, 'erin@velotys.example', PASSWORD, '203.0.113.8')).status).toBe(200);
  });
});

describe('API rate limit', () => {
  it('answers 429 with Retry-After past 1,200 requests a minute for one caller, and not for another', async () => {
    const t = await createTestVigie();
    try {
      const me = await t.call('GET', '/api/session');
      const tokenId = (me.json.token as { id: string }).id;
      // GET /api/session counted one; 1,198 more leave room for exactly one.
      for (let i = 0; i < 1198; i += 1) t.vigie.identity.limits.api.hit(`token:${tokenId}`);
      expect((await t.call('GET', '/api/topics')).status).toBe(200);
      const limited = await t.call('GET', '/api/topics');
      expect(limited.status).toBe(429);
      expect((limited.json.error as { code: string }).code).toBe('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await t.callAs('analyst', 'GET', '/api/topics')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('first start, password reset, invitations', () => {
  let smtp: SMTPServer;
  let smtpPort: number;
  const mails: { to: string[]; raw: string }[] = [];
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8').replace(/=\r\n/g, '').replace(/=3D/g, '=') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  async function mailTo(address: string): Promise<string> {
    for (let i = 0; i < 100; i += 1) {
      const mail = mails.find((m) => m.to.includes(address));
      if (mail) return mail.raw;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no e-mail to ${address}`);
  }

  it('prints a setup link at first start; it creates the owner of every workspace once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigie-setup-'));
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const vigie = await createVigie(loadConfig({}, { dataDir, demo: false, worker: false, publicUrl: 'https://vigie.example.org' }), { log });
    const app = createApp(vigie);
    const second = await vigie.store.workspaces.create({ name: 'Agence', slug: 'agence' });
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: r.status, headers: r.headers, json: (r.status === 204 ? {} : await r.json()) as Record<string, unknown> };
    };
    try {
      expect((await call('GET', '/api/auth/setup')).json).toEqual({ needed: true });
      await vigie.start();
      const printed = lines.join('\n');
      const link = /https:\/\/vigie\.example\.org\/#\/setup\?token=([A-Za-z0-9_-]+)/.exec(printed);
      expect(link).not.toBeNull();
      expect(printed).toContain('Premier démarrage');
      const token = decodeURIComponent(link![1]!);
      const owner = { token, email: 'owner@velotys.example', name: 'Olivia', password: PASSWORD, locale: 'fr' };
      expect((await call('POST', '/api/auth/setup', { ...owner, token: 'wrong' })).status).toBe(404);
      const weak = await call('POST', '/api/auth/setup', { ...owner, password: 'aaaaaaaaaaaaaaa' });
      expect(weak.status).toBe(400);
      expect((weak.json.error as { details: { field: string }[] }).details[0]!.field).toBe('password');
      expect((await call('POST', '/api/auth/setup', { ...owner, password: 'short' })).status).toBe(400);
      const done = await call('POST', '/api/auth/setup', owner);
      expect(done.status).toBe(200);
      expect(done.headers.get('set-cookie')).toMatch(/vigie_session=/);
      expect(done.json).toMatchObject({ role: 'owner', user: { email: 'owner@velotys.example', locale: 'fr' } });
      expect((done.json.workspaces as { id: string; role: string }[]).map((w) => w.role)).toEqual(['owner', 'owner']);
      expect((done.json.workspaces as { id: string }[]).map((w) => w.id)).toContain(second.id);
      expect((await call('GET', '/api/auth/setup')).json).toEqual({ needed: false });
      expect((await call('POST', '/api/auth/setup', { ...owner, email: 'intruder@velotys.example' })).status).toBe(409);
      const audit = await vigie.store.audit.list(vigie.defaultWorkspace.id, { action: 'setup.owner_created' }, { limit: 5 });
      expect(audit.items).toHaveLength(1);
    } finally {
      await vigie.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('resets a password by e-mail in the person’s language, once, signing them out everywhere; says nothing about unknown e-mails', async () => {
    const t = await createTestVigie({ smtp: { host: '127.0.0.1', port: smtpPort, secure: false }, publicUrl: 'https://vigie.example.org' });
    try {
      await withPassword(t, 'fanny@velotys.example', 'agent', 'fr');
      const before = await login(t, 'fanny@velotys.example');
      expect((await t.callAs('anonymous', 'POST', '/api/auth/password-reset', { email: 'ghost@velotys.example' })).status).toBe(202);
      expect((await t.callAs('anonymous', 'POST', '/api/auth/password-reset', { email: 'FANNY@velotys.example' })).status).toBe(202);
      const raw = await mailTo('fanny@velotys.example');
      expect(raw).toMatch(/mot de passe/);
      const token = /https:\/\/vigie\.example\.org\/#\/reset\?token=([A-Za-z0-9_%-]+)/.exec(raw)?.[1];
      expect(token).toBeDefined();
      const fresh = 'a brand new passphrase';
      expect((await t.callAs('anonymous', 'POST', '/api/auth/password-reset/confirm', { token: decodeURIComponent(token!), password: fresh })).status).toBe(204);
      expect((await t.callAs('anonymous', 'POST', '/api/auth/password-reset/confirm', { token: decodeURIComponent(token!), password: fresh })).status).toBe(404);
      expect((await t.callAs({ cookie: before.cookie! }, 'GET', '/api/session')).status).toBe(401);
      expect((await login(t, 'fanny@velotys.example')).status).toBe(401);
      expect((await login(t, 'fanny@velotys.example', fresh)).status).toBe(200);
      expect(mails.some((m) => m.to.includes('ghost@velotys.example'))).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('invites a new person by e-mail; the link sets their password and signs them in with the role given', async () => {
    const t = await createTestVigie({ smtp: { host: '127.0.0.1', port: smtpPort, secure: false } });
    try {
      const owner = await t.sessionFor('owner');
      const added = await t.callAs(owner, 'POST', '/api/members', { email: 'Gina@Velotys.example', role: 'agent' });
      expect(added.status).toBe(201);
      expect(added.json.member).toMatchObject({ email: 'gina@velotys.example', role: 'agent', pending: true });
      const inviteUrl = added.json.inviteUrl as string;
      expect(inviteUrl).toMatch(/\/#\/invite\?token=/);
      expect(await mailTo('gina@velotys.example')).toContain(inviteUrl.split('token=')[1]!.slice(0, 20));
      const token = decodeURIComponent(inviteUrl.split('token=')[1]!);
      expect((await t.callAs('anonymous', 'GET', `/api/auth/invitation?token=${encodeURIComponent(token)}`)).json).toEqual({ email: 'gina@velotys.example', workspaceName: 'Vigie' });
      const accepted = await t.callAs('anonymous', 'POST', '/api/auth/invitation', { token, name: 'Gina', password: PASSWORD });
      expect(accepted.status).toBe(200);
      expect(accepted.json).toMatchObject({ role: 'agent', user: { name: 'Gina' } });
      expect(cookieOf(accepted)).toBeDefined();
      expect((await t.callAs('anonymous', 'POST', '/api/auth/invitation', { token, name: 'Gina', password: PASSWORD })).status).toBe(404);
      const members = (await t.callAs(owner, 'GET', '/api/members')).json.items as { email: string; pending: boolean }[];
      expect(members.find((m) => m.email === 'gina@velotys.example')?.pending).toBe(false);
      expect((await t.callAs(owner, 'POST', '/api/members', { email: 'gina@velotys.example', role: 'analyst' })).status).toBe(409);
      // An invitation withdrawn (the person removed) before it is used changes nothing.
      const withdrawn = await t.callAs(owner, 'POST', '/api/members', { email: 'hana@velotys.example', role: 'analyst' });
      expect((await t.callAs(owner, 'DELETE', `/api/members/${(withdrawn.json.member as { userId: string }).userId}`)).status).toBe(204);
      const late = decodeURIComponent((withdrawn.json.inviteUrl as string).split('token=')[1]!);
      expect((await t.callAs('anonymous', 'POST', '/api/auth/invitation', { token: late, name: 'Hana', password: PASSWORD })).status).toBe(404);
      expect((await t.vigie.store.users.getByEmail('hana@velotys.example'))?.passwordHash).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe('members, tokens, workspaces, audit', () => {
  let t: TestVigie;
  beforeAll(async () => {
    t = await createTestVigie();
  });
  afterAll(() => t.close());

  it('never leaves a workspace without an owner', async () => {
    const owner = await t.sessionFor('owner');
    const ownerId = t.owner.user.id;
    // Two owners: the harness's and this session's person. Demote one, then the last cannot go.
    expect((await t.callAs(owner, 'PATCH', `/api/members/${ownerId}`, { role: 'manager' })).status).toBe(200);
    const last = await t.callAs(owner, 'PATCH', `/api/members/${owner.userId}`, { role: 'manager' });
    expect(last.status).toBe(409);
    expect((await t.callAs(owner, 'DELETE', `/api/members/${owner.userId}`)).status).toBe(409);
    expect((await t.callAs(owner, 'PATCH', `/api/members/${ownerId}`, { role: 'owner' })).status).toBe(200);
  });

  it('shows a token’s secret once; the token acts with its role, at most its creator’s, and stops when they leave', async () => {
    const owner = await t.sessionFor('owner');
    const created = await t.callAs(owner, 'POST', '/api/tokens', { name: 'CI', role: 'manager', expiresInDays: 30 });
    expect(created.status).toBe(201);
    const secret = created.json.secret as string;
    expect(secret).toMatch(/^vgt_[A-Za-z0-9_-]{43}$/);
    const listed = await t.callAs(owner, 'GET', '/api/tokens');
    expect(JSON.stringify(listed.json)).not.toContain(secret);
    expect((listed.json.items as { name: string; prefix: string }[]).find((x) => x.name === 'CI')?.prefix).toBe(secret.slice(0, 12));
    expect((await t.callAs({ token: secret }, 'GET', '/api/session')).json).toMatchObject({ via: 'token', role: 'manager', csrfToken: null, user: null });
    expect((await t.callAs({ token: secret }, 'POST', '/api/topics', { name: 'Par CI', kind: 'brand', queries: ['ci'] })).status).toBe(201);
    // Tokens do not mint tokens nor create workspaces.
    expect((await t.callAs({ token: t.owner.token }, 'POST', '/api/tokens', { name: 'x', role: 'analyst' })).status).toBe(403);
    expect((await t.callAs({ token: t.owner.token }, 'POST', '/api/workspaces', { name: 'x' })).status).toBe(403);
    // Its creator demoted to analyst: the token can read, no longer configure.
    await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, owner.userId, 'analyst');
    expect((await t.callAs({ token: secret }, 'POST', '/api/topics', { name: 'Encore', kind: 'brand', queries: ['ci'] })).status).toBe(403);
    expect((await t.callAs({ token: secret }, 'GET', '/api/topics')).status).toBe(200);
    // Removed: the token stops.
    await t.vigie.store.memberships.remove(t.vigie.defaultWorkspace.id, owner.userId);
    expect((await t.callAs({ token: secret }, 'GET', '/api/topics')).status).toBe(401);
  });

  it('acts on another of my workspaces by header or switch, never on one I do not belong to', async () => {
    const other = await t.createWorkspace('Agence');
    const mine = await t.sessionFor('manager');
    const created = await t.callAs(mine, 'POST', '/api/workspaces', { name: 'Équipe Sud' });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ slug: 'equipe-sud', role: 'owner' });
    const newId = created.json.id as string;
    expect(((await t.callAs(mine, 'GET', '/api/workspaces')).json.items as { id: string }[]).map((w) => w.id)).toContain(newId);
    const viaHeader = await t.callAs(mine, 'GET', '/api/session', undefined, { headers: { 'x-vigie-workspace': newId } });
    expect(viaHeader.json).toMatchObject({ workspace: { id: newId }, role: 'owner' });
    expect((await t.callAs(mine, 'GET', '/api/topics', undefined, { headers: { 'x-vigie-workspace': other.workspace.id } })).status).toBe(404);
    // A live stream or a download link names the workspace in the query (GET only), with the same checks.
    expect((await t.callAs(mine, 'GET', `/api/session?workspace=${newId}`)).json).toMatchObject({ workspace: { id: newId } });
    expect((await t.callAs(mine, 'GET', `/api/topics?workspace=${other.workspace.id}`)).status).toBe(404);
    expect((await t.callAs(mine, 'PUT', '/api/session/workspace', { workspaceId: other.workspace.id })).status).toBe(404);
    const switched = await t.callAs(mine, 'PUT', '/api/session/workspace', { workspaceId: newId });
    expect(switched.json).toMatchObject({ workspace: { id: newId }, role: 'owner' });
    expect((await t.callAs(mine, 'GET', '/api/session')).json).toMatchObject({ workspace: { id: newId } });
    const renamed = await t.callAs(mine, 'PATCH', '/api/workspace', { name: 'Équipe Sud-Ouest' });
    expect(renamed.status).toBe(200);
    expect(((await t.callAs(mine, 'GET', '/api/workspaces')).json.items as { id: string; name: string; slug: string }[]).find((w) => w.id === newId)).toMatchObject({ name: 'Équipe Sud-Ouest', slug: 'equipe-sud' });
    // Deleting needs the slug typed; the instance's first workspace stays.
    expect((await t.callAs(mine, 'DELETE', '/api/workspace', { confirm: 'nope' })).status).toBe(400);
    expect((await t.callAs(mine, 'DELETE', '/api/workspace', { confirm: 'equipe-sud' })).status).toBe(204);
    expect((await t.callAs(mine, 'GET', '/api/session')).json).toMatchObject({ workspace: { id: t.vigie.defaultWorkspace.id } });
    expect((await t.call('DELETE', '/api/workspace', { confirm: 'default' })).status).toBe(409);
  });

  it('records who did what in the workspace’s audit log, visible to its admins only', async () => {
    const manager = await t.sessionFor('manager');
    const source = await t.callAs(manager, 'POST', '/api/sources', { connector: 'rss', url: 'http://127.0.0.1:9/feed.xml' });
    expect(source.status).toBe(201);
    expect((await t.callAs(manager, 'DELETE', `/api/sources/${source.json.id as string}`)).status).toBe(204);
    const log = await t.call('GET', '/api/audit?limit=50');
    const actions = (log.json.items as { action: string; actor: { label: string }; target?: string }[]).map((e) => `${e.action} ${e.actor.label} ${e.target ?? ''}`);
    expect(actions).toEqual(expect.arrayContaining([`source.delete ${manager.email} source:${source.json.id as string}`, `source.create ${manager.email} source:${source.json.id as string}`]));
    expect((await t.call('GET', '/api/audit?action=source.delete')).json.items).toHaveLength(1);
    expect((await t.callAs(manager, 'GET', '/api/audit')).status).toBe(403);
    const other = await t.createWorkspace('Autre');
    expect(JSON.stringify((await other.call('GET', '/api/audit')).json)).not.toContain('source.create');
  });
});

describe('the live stream', () => {
  let server: StartedServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigie-sse-auth-'));
    server = await startServer({ dataDir, port: 0, demo: false, worker: false, logLevel: 'silent' }, { env: {} });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('needs a credential and delivers only the caller’s workspace', async () => {
    expect((await fetch(`${server.url}/api/mentions/stream`)).status).toBe(401);
    const other = await server.vigie.store.workspaces.create({ name: 'Autre', slug: 'autre' });
    const token = await createOwnerToken(server.vigie, other.id);
    const response = await fetch(`${server.url}/api/mentions/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const stream = readEventStream(response);
    await stream.until('event: ready');
    const post = (externalId: string, text: string): MentionInput => ({ connector: 'import', externalId, author: { handle: 'alice' }, text, publishedAt: new Date().toISOString(), engagement: {}, kind: 'post', raw: {} });
    await server.vigie.ingest(server.vigie.defaultWorkspace.id, [post('a1', 'Secret de l’espace par défaut')]);
    await server.vigie.ingest(other.id, [post('b1', 'Mention de l’autre espace')]);
    await stream.until('Mention de l’autre espace');
    await stream.cancel();
    expect(stream.text()).not.toContain('Secret de l’espace par défaut');
  });
});

describe('logs and docs', () => {
  it('never logs a password, a session cookie, an API token or a reset link', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vigie-logs-'));
    const lines: string[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => lines.push(line) });
    const vigie = await createVigie(loadConfig({}, { dataDir, demo: false, worker: false }), { log });
    const app = createApp(vigie);
    const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    try {
      const user = await vigie.store.users.create({ email: 'hugo@velotys.example', name: 'Hugo', locale: 'en', passwordHash: await hashPassword(PASSWORD) });
      await vigie.store.memberships.set(vigie.defaultWorkspace.id, user.id, 'owner');
      const bad = await request('POST', '/api/auth/login', { email: 'hugo@velotys.example', password: 'Wrong-Password-Hunter2' });
      expect(bad.status).toBe(401);
      const ok = await request('POST', '/api/auth/login', { email: 'hugo@velotys.example', password: PASSWORD });
      const cookie = /vigie_session=([^;]*)/.exec(ok.headers.get('set-cookie') ?? '')![1]!;
      const { csrfToken } = (await ok.json()) as { csrfToken: string };
      const token = await request('POST', '/api/tokens', { name: 'ci', role: 'analyst' }, { cookie: `vigie_session=${cookie}`, 'x-csrf-token': csrfToken });
      const { secret } = (await token.json()) as { secret: string };
      await request('GET', '/api/topics', undefined, { authorization: `Bearer ${secret}` });
      await request('GET', '/api/topics', undefined, { authorization: 'Bearer vgt_forged-forged-forged-forged-forged-forged-forg' });
      await request('POST', '/api/auth/password-reset', { email: 'hugo@velotys.example' });
      const all = lines.join('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const secretValue of [PASSWORD, 'Wrong-Password-Hunter2', cookie, csrfToken, secret, 'vgt_forged']) expect(all).not.toContain(secretValue);
    } finally {
      await vigie.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('tells API clients how to authenticate in the OpenAPI document', async () => {
    const t = await createTestVigie();
    try {
      const doc = (await t.callAs('anonymous', 'GET', '/api/openapi.json')).json as { components: { securitySchemes: Record<string, unknown> }; security: unknown[] };
      expect(doc.components.securitySchemes).toMatchObject({ apiToken: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'vigie_session' } });
      expect(doc.security).toEqual([{ apiToken: [] }, { session: [] }]);
    } finally {
      await t.close();
    }
  });

  it('documents the roles table of roles.ts in docs/security.md', () => {
    const doc = readFileSync(new URL('../../../../docs/security.md', import.meta.url), 'utf8');
    const rows = doc.split('\n').filter((line) => ROLES.some((role) => line.startsWith(`| ${role} |`)));
    expect(rows).toHaveLength(ROLES.length);
    for (const row of rows) {
      const cells = row.split('|').slice(1, -1).map((c) => c.trim());
      const role = cells[0] as (typeof ROLES)[number];
      const granted = PERMISSIONS.filter((_p, i) => cells[i + 1] === '✓');
      expect(granted, role).toEqual([...ROLE_PERMISSIONS[role]]);
    }
  });
});
