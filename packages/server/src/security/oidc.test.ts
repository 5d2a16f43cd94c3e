/**
 * "Sign in with SSO" as a person lives it, against a real (local) OpenID Connect provider: the
 * browser goes to the provider and back with plain HTTP redirects followed by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../config';
import { createTestVigie, type CallResult, type TestVigie } from '../test/test-vigie';
import { startTestIssuer } from './oidc-test-issuer';

const CLIENT = { id: 'vigie-test', secret: 'test-client-secret' };

type Issuer = Awaited<ReturnType<typeof startTestIssuer>>;

function cookie(r: CallResult, name: string): string | undefined {
  return new RegExp(`${name}=([^;]*)`).exec(r.headers.get('set-cookie') ?? '')?.[1];
}

/** Start → provider → the callback URL the provider sends the browser to, and the attempt's cookie. */
async function toProvider(t: TestVigie): Promise<{ callback: URL; flowCookie: string }> {
  const start = await t.callAs('anonymous', 'GET', '/api/auth/oidc/start');
  expect(start.status).toBe(302);
  const flowCookie = cookie(start, 'vigie_oidc');
  expect(flowCookie).toBeTruthy();
  expect(start.headers.get('set-cookie')).toMatch(/HttpOnly/);
  const authorize = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  return { callback: new URL(authorize.headers.get('location') ?? ''), flowCookie: flowCookie ?? '' };
}

async function callback(t: TestVigie, url: URL, flowCookie: string): Promise<CallResult & { location: string; session?: string }> {
  const r = await t.callAs('anonymous', 'GET', `${url.pathname}${url.search}`, undefined, { headers: { cookie: `vigie_oidc=${flowCookie}` } });
  expect(r.status).toBe(302);
  return { ...r, location: r.headers.get('location') ?? '', session: cookie(r, 'vigie_session') || undefined };
}

async function signIn(t: TestVigie) {
  const { callback: url, flowCookie } = await toProvider(t);
  return callback(t, url, flowCookie);
}

function oidcConfig(issuer: Issuer, extra: Partial<NonNullable<Config['oidc']>> = {}): Partial<Config> {
  return { oidc: { issuer: issuer.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, name: 'Acme SSO', autoCreate: false, ...extra } };
}

describe('OIDC sign-in', () => {
  let issuer: Issuer;
  let t: TestVigie;
  beforeAll(async () => {
    issuer = await startTestIssuer(CLIENT);
    t = await createTestVigie(oidcConfig(issuer));
    const alice = await t.vigie.store.users.create({ email: 'alice@velotys.example', name: 'Alice', locale: 'en' });
    await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, alice.id, 'agent');
  });
  afterAll(async () => {
    await t.close();
    await issuer.close();
  });
  const as = (person: { email?: string; email_verified?: boolean }, nonce?: string) => {
    issuer.control.person = { sub: `sub-${person.email ?? 'none'}`, ...person };
    issuer.control.nonce = nonce;
  };

  it('tells the sign-in page to show the button, with its label', async () => {
    const r = await t.callAs('anonymous', 'GET', '/api/auth/oidc');
    expect(r.json).toEqual({ enabled: true, name: 'Acme SSO' });
  });

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const start = await t.callAs('anonymous', 'GET', '/api/auth/oidc/start');
    const to = new URL(start.headers.get('location') ?? '');
    expect(to.origin).toBe(issuer.issuer);
    expect(to.searchParams.get('client_id')).toBe(CLIENT.id);
    expect(to.searchParams.get('redirect_uri')).toBe(`${t.vigie.config.publicUrl}/api/auth/oidc/callback`);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(to.searchParams.get('scope')).toContain('openid');
    // The flow's secrets stay on the server's side: the cookie is sealed.
    expect(cookie(start, 'vigie_oidc')).not.toContain(to.searchParams.get('state') ?? '');
  });

  it('signs in a known, verified e-mail: the session cookie works, the audit log says oidc', async () => {
    as({ email: 'Alice@Velotys.example', email_verified: true });
    const r = await signIn(t);
    expect(r.location).toBe(`${t.vigie.config.publicUrl}/#/`);
    expect(r.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.headers.get('set-cookie')).toMatch(/vigie_session=[^;]+;.*HttpOnly/);
    const me = await t.callAs({ cookie: r.session ?? '' }, 'GET', '/api/session');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { email: 'alice@velotys.example' }, role: 'agent', via: 'session' });
    const audit = await t.vigie.store.audit.list(t.vigie.defaultWorkspace.id, { action: 'session.login' }, { limit: 5 });
    expect(audit.items[0]).toMatchObject({ actor: { label: 'alice@velotys.example' }, details: { method: 'oidc' } });
  });

  it('rotates: a browser signed in before gets a new session, the old one ends', async () => {
    as({ email: 'alice@velotys.example', email_verified: true });
    const first = await signIn(t);
    const { callback: url, flowCookie } = await toProvider(t);
    const r = await t.callAs('anonymous', 'GET', `${url.pathname}${url.search}`, undefined, { headers: { cookie: `vigie_oidc=${flowCookie}; vigie_session=${first.session ?? ''}` } });
    const second = cookie(r, 'vigie_session');
    expect(second).toBeTruthy();
    expect(second).not.toBe(first.session);
    expect((await t.callAs({ cookie: first.session ?? '' }, 'GET', '/api/session')).status).toBe(401);
    expect((await t.callAs({ cookie: second ?? '' }, 'GET', '/api/session')).status).toBe(200);
  });

  it('refuses a callback whose state is not the attempt’s', async () => {
    as({ email: 'alice@velotys.example', email_verified: true });
    const { callback: url, flowCookie } = await toProvider(t);
    url.searchParams.set('state', 'forged-state-forged-state');
    const r = await callback(t, url, flowCookie);
    expect(r.location).toBe(`${t.vigie.config.publicUrl}/#/login?error=oidc_state`);
    expect(r.session).toBeUndefined();
    // Without the attempt's cookie (another browser), the real state is refused too.
    const { callback: other } = await toProvider(t);
    const bare = await t.callAs('anonymous', 'GET', `${other.pathname}${other.search}`);
    expect(bare.headers.get('location')).toMatch(/error=oidc_state$/);
    expect(cookie(bare, 'vigie_session')).toBeUndefined();
  });

  it('refuses a replayed callback', async () => {
    as({ email: 'alice@velotys.example', email_verified: true });
    const { callback: url, flowCookie } = await toProvider(t);
    expect((await callback(t, url, flowCookie)).session).toBeTruthy();
    const requests = issuer.control.tokenRequests;
    const again = await callback(t, url, flowCookie);
    expect(again.location).toMatch(/#\/login\?error=oidc_state$/);
    expect(again.session).toBeUndefined();
    expect(issuer.control.tokenRequests).toBe(requests); // refused before the code is even tried
  });

  it('refuses an e-mail the provider does not vouch for', async () => {
    as({ email: 'alice@velotys.example', email_verified: false });
    const r = await signIn(t);
    expect(r.location).toMatch(/#\/login\?error=email_unverified$/);
    expect(r.session).toBeUndefined();
    as({ email: 'alice@velotys.example' }); // no email_verified claim at all
    expect((await signIn(t)).location).toMatch(/error=email_unverified$/);
  });

  it('refuses an e-mail Vigie does not know, without creating an account', async () => {
    as({ email: 'mallory@elsewhere.example', email_verified: true });
    const r = await signIn(t);
    expect(r.location).toMatch(/#\/login\?error=unknown_user$/);
    expect(r.session).toBeUndefined();
    expect(await t.vigie.store.users.getByEmail('mallory@elsewhere.example')).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the attempt’s', async () => {
    as({ email: 'alice@velotys.example', email_verified: true }, 'nonce-of-another-attempt');
    const r = await signIn(t);
    expect(r.location).toMatch(/#\/login\?error=oidc_failed$/);
    expect(r.session).toBeUndefined();
  });

  it('comes back to the sign-in page when the person cancels at the provider', async () => {
    const { callback: url, flowCookie } = await toProvider(t);
    const cancelled = new URL(url.pathname, url);
    cancelled.search = new URLSearchParams({ error: 'access_denied', state: url.searchParams.get('state') ?? '' }).toString();
    const r = await callback(t, cancelled, flowCookie);
    expect(r.location).toMatch(/#\/login\?error=oidc_denied$/);
    expect(r.session).toBeUndefined();
  });

  it('lets an invited person (no password yet) in with the invited e-mail', async () => {
    const bob = await t.vigie.store.users.create({ email: 'bob@velotys.example', name: 'Bob', locale: 'fr' });
    await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, bob.id, 'analyst');
    as({ email: 'bob@velotys.example', email_verified: true });
    const r = await signIn(t);
    const me = await t.callAs({ cookie: r.session ?? '' }, 'GET', '/api/session');
    expect(me.json).toMatchObject({ user: { email: 'bob@velotys.example' }, role: 'analyst' });
  });
});

describe('OIDC sign-in — auto-create and off', () => {
  let issuer: Issuer;
  beforeAll(async () => {
    issuer = await startTestIssuer(CLIENT);
  });
  afterAll(() => issuer.close());

  it('with auto-create, a new verified e-mail gets an account with no workspace: “ask an owner”, then in once added', async () => {
    const t = await createTestVigie(oidcConfig(issuer, { autoCreate: true }));
    try {
      issuer.control.person = { sub: 'carol', email: 'carol@velotys.example', email_verified: true, name: 'Carol' };
      const r = await signIn(t);
      expect(r.location).toMatch(/#\/login\?error=no_workspace$/);
      expect(r.session).toBeUndefined();
      const carol = await t.vigie.store.users.getByEmail('carol@velotys.example');
      expect(carol).toMatchObject({ name: 'Carol' });
      expect(carol?.passwordHash).toBeUndefined();
      await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, carol?.id ?? '', 'agent');
      const again = await signIn(t);
      expect((await t.callAs({ cookie: again.session ?? '' }, 'GET', '/api/session')).json).toMatchObject({ user: { email: 'carol@velotys.example' } });
    } finally {
      await t.close();
    }
  });

  it('refuses an attempt finished more than 10 minutes after it started', async () => {
    let clock = Date.now();
    const t = await createTestVigie(oidcConfig(issuer), () => new Date(clock));
    try {
      const alice = await t.vigie.store.users.create({ email: 'alice@velotys.example', name: 'Alice', locale: 'en' });
      await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, alice.id, 'agent');
      issuer.control.person = { sub: 'alice', email: 'alice@velotys.example', email_verified: true };
      const { callback: url, flowCookie } = await toProvider(t);
      clock += 10 * 60_000 + 1_000;
      const late = await callback(t, url, flowCookie);
      expect(late.location).toMatch(/#\/login\?error=oidc_state$/);
      expect(late.session).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('when the provider cannot be reached, start goes back to the sign-in page saying so', async () => {
    const t = await createTestVigie({ oidc: { issuer: 'http://127.0.0.1:9', clientId: CLIENT.id, clientSecret: CLIENT.secret, name: 'Down', autoCreate: false } });
    try {
      const start = await t.callAs('anonymous', 'GET', '/api/auth/oidc/start');
      expect(start.status).toBe(302);
      expect(start.headers.get('location')).toMatch(/#\/login\?error=oidc_unavailable$/);
    } finally {
      await t.close();
    }
  });

  it('without configuration: no button, and start goes back to the sign-in page', async () => {
    const t = await createTestVigie();
    try {
      expect((await t.callAs('anonymous', 'GET', '/api/auth/oidc')).json).toEqual({ enabled: false, name: '' });
      const start = await t.callAs('anonymous', 'GET', '/api/auth/oidc/start');
      expect(start.status).toBe(302);
      expect(start.headers.get('location')).toMatch(/#\/login\?error=oidc_off$/);
    } finally {
      await t.close();
    }
  });
});
