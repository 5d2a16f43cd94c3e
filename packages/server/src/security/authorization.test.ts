/**
 * Who may call what, for EVERY entry of the route table: nobody (401 unless public), each role
 * (403 exactly when the role lacks the permission), another workspace's owner naming this
 * workspace's ids (404, never its data), a forged token, an expired session, a revoked token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleAllows, type MentionInput, type Role } from '@vigie/core';
import { createTestVigie, createTestToken, openTestSession, rssFeed, startFeedServer, type CallResult, type TestVigie, type TestWorkspace } from '../test/test-vigie';
import { generateToken } from './opaque-token';
import { ROUTE_PERMISSIONS } from './route-permissions';
import { UNAUTHENTICATED } from './authenticate';

const NOW = Date.now();

function mention(externalId: string, text: string): MentionInput {
  return { connector: 'mastodon', externalId, url: `https://piaille.fr/@jeanne/${externalId}`, author: { handle: '@jeanne@piaille.fr', followers: 300 }, text, lang: 'fr', kind: 'post', publishedAt: new Date(NOW - 3_600_000).toISOString(), engagement: {}, raw: {} };
}

describe('authorization of every API route', () => {
  let t: TestVigie;
  let other: TestWorkspace;
  let feeds: Awaited<ReturnType<typeof startFeedServer>>;
  const ids: Record<string, string> = {};
  let counter = 0;
  const seen: { key: string; caller: string; status: number }[] = [];

  beforeAll(async () => {
    feeds = await startFeedServer({ '/feed.xml': { body: rssFeed([{ guid: 'a1', title: 'Vigie', description: 'Vigie est super' }]) } });
    t = await createTestVigie();
    other = await t.createWorkspace('Concurrent');
    ids.workspace = t.vigie.defaultWorkspace.id;
    t.vigie.inboxWorker.start();
    await t.vigie.ingest(ids.workspace, [mention('q1', 'Bonjour, est-ce que vous livrez en Belgique ? Merci de répondre.'), mention('q2', 'Ma commande n’est pas arrivée, pouvez-vous regarder ?')]);
    await t.vigie.inboxWorker.idle();
    ids.mention = ((await t.call('GET', '/api/mentions')).json.items as { id: string }[])[0]!.id;
    ids.conversation = ((await t.call('GET', '/api/conversations')).json.items as { id: string }[])[0]!.id;
    await seed();
    for (const [name, value] of Object.entries(ids)) expect(value, name).toMatch(/\S/);
  });

  afterAll(async () => {
    await t.close();
    await feeds.close();
  });

  /** Fresh resources of the default workspace (a run deletes some of them at its end). */
  async function seed(): Promise<void> {
    counter += 1;
    const ws = ids.workspace!;
    const topic = await t.call('POST', '/api/topics', { name: 'Marque secrète', kind: 'brand', queries: ['vigie'] });
    ids.topic = topic.json.id as string;
    ids.query = (topic.json.queries as { id: string }[])[0]!.id;
    ids.source = (await t.call('POST', '/api/sources', { connector: 'rss', url: `${feeds.origin}/feed.xml?seed=${counter}` })).json.id as string;
    ids.reply = (await t.call('POST', `/api/conversations/${ids.conversation}/replies`, { text: 'Appelez-moi au 06 12 34 56 78 pour la commande CMD-458712.' })).json.id as string;
    ids.rule = (await t.call('POST', '/api/alert-rules', { name: `Règle ${counter}`, scope: { kind: 'topic', id: ids.topic }, detectors: ['volume_spike'], channels: [{ kind: 'in_app' }] })).json.id as string;
    ids.savedReply = (await t.call('POST', '/api/saved-replies', { name: `Merci ${counter}`, lang: 'fr', text: 'Merci {author} !' })).json.id as string;
    ids.intake = (await t.call('POST', '/api/intakes', { name: 'Hook' })).json.id as string;
    const victim = await t.vigie.store.users.create({ email: `victim-${counter}@test.vigie`, name: 'Victim', locale: 'fr' });
    await t.vigie.store.memberships.set(ws, victim.id, 'agent');
    ids.member = victim.id;
    const spare = await createTestToken(t.vigie, ws, 'analyst', t.owner.user.id, 'spare');
    ids.token = ((await t.call('GET', '/api/tokens')).json.items as { id: string; prefix: string }[]).find((x) => spare.startsWith(x.prefix))!.id;
    for (const [name, value] of Object.entries(ids)) expect(value, name).toMatch(/\S/);
  }

  /** The resource a `:param` of this path names in the default workspace (undefined: the param is not a resource of it). */
  function param(path: string, name: string): string | undefined {
    if (name === 'userId') return ids.member;
    if (name === 'connector') return 'mastodon';
    if (name === 'token') return 'no-such-intake';
    const byPrefix: [string, string][] = [
      ['/api/topics/', 'topic'], ['/api/queries/', 'query'], ['/api/sources/', 'source'], ['/api/mentions/', 'mention'],
      ['/api/alert-rules/', 'rule'], ['/api/conversations/', 'conversation'], ['/api/replies/', 'reply'], ['/api/saved-replies/', 'savedReply'],
      ['/api/intakes/', 'intake'], ['/api/tokens/', 'token'],
    ];
    const hit = byPrefix.find(([prefix]) => path.startsWith(prefix));
    return hit ? ids[hit[1]] : undefined;
  }

  function resolve(key: string): { method: string; path: string; resourceParams: boolean; allResources: boolean } {
    const [method, pattern] = key.split(' ') as [string, string];
    let resourceParams = false;
    let allResources = true;
    const path = pattern.replace(/:(\w+)/g, (_m, name: string) => {
      const value = param(pattern, name);
      if (value && !['connector', 'token'].includes(name)) resourceParams = true;
      if (!value) allResources = false;
      return encodeURIComponent(value ?? 'no-such-id');
    });
    const query = key === 'GET /api/stats/series' ? `?topic=${ids.topic}` : (QUERY[key] ?? '');
    return { method, path: path + query, resourceParams, allResources };
  }

  const QUERY: Record<string, string> = { 'GET /api/auth/invitation': '?token=no-such-link', 'GET /api/inbox/budget': '?member=alice', 'GET /api/oauth/:connector/callback': '?state=x&code=y' };

  /** A plausible valid body, so that an allowed call reaches the route's own logic. */
  function body(key: string): unknown {
    counter += 1;
    const n = counter;
    const bodies: Record<string, unknown> = {
      'POST /api/auth/login': { email: 'nobody@test.vigie', password: 'not the password' },
      'POST /api/auth/setup': { token: 'no-such-link', email: 'first@test.vigie', name: 'First', password: 'a long enough password' },
      'POST /api/auth/password-reset': { email: 'nobody@test.vigie' },
      'POST /api/auth/password-reset/confirm': { token: 'no-such-link', password: 'a long enough password' },
      'POST /api/auth/invitation': { token: 'no-such-link', name: 'Someone', password: 'a long enough password' },
      'PUT /api/session/password': { currentPassword: 'not the password', newPassword: 'a long enough password' },
      'PUT /api/session/workspace': { workspaceId: ids.workspace },
      'POST /api/workspaces': { name: `Espace ${n}` },
      'PATCH /api/workspace': { name: 'Vigie' },
      'DELETE /api/workspace': { confirm: 'not-the-slug' },
      'POST /api/members': { email: `new-${n}@test.vigie`, role: 'analyst' },
      'PATCH /api/members/:userId': { role: 'agent' },
      'POST /api/tokens': { name: `token ${n}`, role: 'analyst' },
      'POST /api/topics': { name: `Sujet ${n}`, kind: 'brand', queries: ['vigie'] },
      'PATCH /api/topics/:id': { name: 'Marque secrète' },
      'POST /api/topics/:id/queries': { text: `vigie${n}` },
      'PATCH /api/queries/:id': { text: 'vigie' },
      'POST /api/queries/validate': { query: 'vigie AND livraison' },
      'POST /api/queries/preview': { query: 'vigie' },
      'POST /api/sources': { connector: 'rss', url: `${feeds.origin}/feed.xml?${n}` },
      'POST /api/sources/test': { connector: 'rss', url: `${feeds.origin}/feed.xml` },
      'PATCH /api/sources/:id': { name: 'Flux' },
      'POST /api/alert-rules': { name: `Règle ${n}`, scope: { kind: 'topic', id: ids.topic }, detectors: ['volume_spike'], channels: [{ kind: 'in_app' }] },
      'PATCH /api/alert-rules/:id': { sensitivity: 'high' },
      'POST /api/alerts/backtest': { from: new Date(NOW - 7 * 86_400_000).toISOString(), to: new Date(NOW).toISOString() },
      'PATCH /api/conversations/:id': { tags: ['livraison'] },
      'POST /api/conversations/bulk': { ids: [ids.conversation], patch: { tags: ['livraison'] } },
      'POST /api/conversations/:id/notes': { text: 'Note' },
      'POST /api/conversations/:id/replies': { text: 'Oui, nous livrons en Belgique en trois jours.' },
      'POST /api/guard': { text: 'Oui, nous livrons en Belgique.' },
      'POST /api/saved-replies': { name: `Réponse ${n}`, lang: 'fr', text: 'Merci !' },
      'PATCH /api/saved-replies/:id': { text: 'Merci beaucoup !' },
      'PUT /api/inbox/budget': { member: 'alice', minutes: 30 },
      'POST /api/inbox/budget/time': { member: 'alice', minutes: 5 },
      'POST /api/intakes': { name: `Hook ${n}` },
      'POST /api/data/erase-author': { handle: 'nobody-at-all' },
      'PUT /api/workspace/retention': { mentionDays: null },
    };
    return key in bodies ? bodies[key] : ['POST', 'PUT', 'PATCH', 'DELETE'].includes(key.split(' ')[0]!) ? {} : undefined;
  }

  async function callAs(who: Parameters<TestVigie['callAs']>[0], key: string): Promise<CallResult & { sent: string }> {
    const { method, path } = resolve(key);
    counter += 1;
    // Each call from its own address: the sign-in limit per address must not decide these answers.
    const options = { ip: `10.0.${Math.floor(counter / 250)}.${counter % 250}` };
    if (key === 'GET /api/mentions/stream') {
      // A live stream never ends: only its status matters here.
      const headers: Record<string, string> = typeof who === 'object' && 'token' in who ? { authorization: `Bearer ${who.token}` } : typeof who === 'object' ? { cookie: `vigie_session=${who.cookie}` } : {};
      const response = await t.app.request(path, { headers }, { incoming: { socket: { remoteAddress: options.ip } } });
      if (response.status === 200) {
        await response.body?.cancel();
          return { status: response.status, json: {}, headers: response.headers, sent: path };
      }
      return { status: response.status, json: (await response.json()) as CallResult['json'], headers: response.headers, sent: path };
    }
    const payload = body(key);
    return { ...(await t.callAs(who, method, path, payload, options)), sent: path + JSON.stringify(payload ?? null) };
  }

  /** A fresh cookie session of a member with this role (a call may sign out or rotate its own session). */
  async function roleSession(role: Role): Promise<{ cookie: string; csrf: string }> {
    const known = await t.sessionFor(role);
    return openTestSession(t.vigie, known.userId, ids.workspace!);
  }

  // Destructive calls last (children before parents), so the resources stay there for the others.
  const all = Object.keys(ROUTE_PERMISSIONS);
  const keys = all.filter((k) => !k.startsWith('DELETE')).concat(all.filter((k) => k.startsWith('DELETE')).reverse());

  it('has an entry for every registered API route', () => {
    const missing = t.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !(key in ROUTE_PERMISSIONS));
    expect(missing).toEqual([]);
  });

  it('refuses a request matching no entry with 404, even signed in', async () => {
    expect((await t.call('GET', '/api/no-such-thing')).status).toBe(404);
    expect((await t.callAs('anonymous', 'POST', '/api/no-such-thing', {})).status).toBe(404);
  });

  it('answers 401 without credentials on every route that is not public, with one message', async () => {
    for (const key of keys) {
      const r = await callAs('anonymous', key);
      seen.push({ key, caller: 'anonymous', status: r.status });
      const error = r.json.error as { code: string; message: string } | undefined;
      if (ROUTE_PERMISSIONS[key] === 'public') {
        expect(r.status, key).not.toBe(403);
        expect(error?.message, key).not.toBe(UNAUTHENTICATED);
      } else {
        expect(r.status, key).toBe(401);
        expect(error, key).toMatchObject({ code: 'unauthenticated', message: UNAUTHENTICATED });
      }
    }
  });

  it.each(ROLES)('gives the %s role exactly the routes its permissions allow', async (role) => {
    await seed();
    for (const key of keys) {
      const access = ROUTE_PERMISSIONS[key]!;
      if (access === 'public') continue;
      const r = await callAs(await roleSession(role), key);
      seen.push({ key, caller: role, status: r.status });
      const allowed = access === 'signed-in' || roleAllows(role, access);
      if (allowed) {
        expect([401, 403], `${role} ${key} → ${r.status} ${JSON.stringify(r.json)}`).not.toContain(r.status);
      } else {
        expect(r.status, `${role} ${key}`).toBe(403);
        expect((r.json.error as { message: string }).message, key).toContain(access);
      }
    }
  });

  it('never shows another workspace its resources: its owner naming them gets 404', async () => {
    await seed();
    const secrets = Object.entries(ids).filter(([name]) => name !== 'member' && name !== 'token').map(([, v]) => v);
    for (const key of keys) {
      const access = ROUTE_PERMISSIONS[key]!;
      if (access === 'public') continue;
      const { resourceParams, allResources } = resolve(key);
      const r = await callAs({ token: other.ownerToken }, key);
      seen.push({ key, caller: 'foreign', status: r.status });
      if (resourceParams && allResources) expect(r.status, `foreign ${key}`).toBe(404);
      else if (resourceParams) expect(r.status, `foreign ${key}`).toBeGreaterThanOrEqual(400);
      const text = JSON.stringify(r.json);
      // An id the caller sent may be echoed in the error ("no such topic <id>"); any other is a leak.
      for (const secret of secrets.filter((x) => !r.sent.includes(x))) expect(text.includes(secret), `foreign ${key} leaks ${secret}`).toBe(false);
      expect(text, key).not.toContain('Marque secrète');
    }
    // Naming this workspace in the header does not help.
    expect((await t.callAs({ token: other.ownerToken }, 'GET', '/api/topics', undefined, { headers: { 'x-vigie-workspace': ids.workspace! } })).status).toBe(404);
  });

  it('refuses a forged token, an expired session and a revoked token everywhere with 401', async () => {
    const forged = generateToken('vgt_');
    const owner = t.owner.user.id;
    const expired = await openTestSession(t.vigie, owner, ids.workspace!, { expiresAt: new Date(Date.now() - 1000) });
    const revoked = await createTestToken(t.vigie, ids.workspace!, 'owner', owner);
    const revokedId = ((await t.call('GET', '/api/tokens')).json.items as { id: string; prefix: string }[]).find((x) => revoked.startsWith(x.prefix))!.id;
    expect((await t.call('DELETE', `/api/tokens/${revokedId}`)).status).toBe(204);
    for (const key of keys) {
      if (ROUTE_PERMISSIONS[key] === 'public') continue;
      for (const [name, who] of [['forged', { token: forged }], ['expired', expired], ['revoked', { token: revoked }], ['forged cookie', { cookie: generateToken(), csrf: 'x' }]] as const) {
        const r = await callAs(who, key);
        expect(r.status, `${name} ${key}`).toBe(401);
        expect((r.json.error as { message: string } | undefined)?.message ?? UNAUTHENTICATED, key).toBe(UNAUTHENTICATED);
      }
    }
  });

  it('checked every entry of the table, with fixtures real enough that most owner calls succeed', () => {
    for (const key of keys) expect(seen.some((s) => s.key === key), key).toBe(true);
    const owner = seen.filter((s) => s.caller === 'owner');
    const failed = owner.filter((s) => s.status >= 300).map((s) => `${s.key} → ${s.status}`);
    expect(failed.length, failed.join('\n')).toBeLessThan(owner.length / 4);
  });
});
