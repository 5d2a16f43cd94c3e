/**
 * The whole single sign-on against a real OpenID Connect provider (`oidc-provider`, the certified
 * implementation by the author of `openid-client`) on 127.0.0.1: the browser is played by hand —
 * redirects followed one by one, cookies kept per site, the provider's login and consent forms
 * submitted — until Vigie's session cookie opens /api/session.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestVigie, type TestVigie } from '../test/test-vigie';

const CLIENT = { id: 'vigie', secret: 'a-long-enough-client-secret-for-hs256-0123456789' };
const PUBLIC_URL = 'http://localhost:4000';

/** Cookies the provider set, as a browser would send them back (one site only: the provider). */
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    keep(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        const value = pair.slice(at + 1).trim();
        if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') cookies.delete(name);
        else cookies.set(name, value);
      }
    },
  };
}

describe('OIDC sign-in against oidc-provider', () => {
  let server: Server;
  let issuer: string;
  let t: TestVigie;

  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [`${PUBLIC_URL}/api/auth/oidc/callback`], token_endpoint_auth_method: 'client_secret_post' }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: `${sub}@velotys.example`, email_verified: true, name: sub }) }),
      features: { devInteractions: { enabled: true } },
      cookies: { keys: ['test-cookie-key'] },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    });
    server.on('request', provider.callback());
    t = await createTestVigie({ publicUrl: PUBLIC_URL, oidc: { issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, name: 'Velotys', autoCreate: false } });
    const dana = await t.vigie.store.users.create({ email: 'dana@velotys.example', name: 'Dana', locale: 'fr' });
    await t.vigie.store.memberships.set(t.vigie.defaultWorkspace.id, dana.id, 'manager');
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('goes to the provider, signs in and consents there, and comes back signed in to Vigie', async () => {
    const start = await t.callAs('anonymous', 'GET', '/api/auth/oidc/start');
    const flowCookie = /vigie_oidc=([^;]*)/.exec(start.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const browser = jar();
    let url = start.headers.get('location') ?? '';
    let form: Record<string, string> | undefined;
    // Follow the provider's redirects and forms until it sends the browser back to Vigie.
    for (let step = 0; step < 12 && !url.startsWith(PUBLIC_URL); step += 1) {
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: browser.header(), ...(form && { 'content-type': 'application/x-www-form-urlencoded' }) },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      browser.keep(response);
      form = undefined;
      if (response.status >= 300 && response.status < 400) {
        url = new URL(response.headers.get('location') ?? '', url).href;
        continue;
      }
      const html = await response.text();
      expect(response.status, html.slice(0, 300)).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? '';
      url = new URL(action, url).href;
      form = prompt === 'login' ? { prompt, login: 'dana', password: 'any' } : { prompt };
    }
    const back = new URL(url);
    expect(back.pathname).toBe('/api/auth/oidc/callback');
    expect(back.searchParams.get('iss')).toBe(issuer);

    const callback = await t.callAs('anonymous', 'GET', `${back.pathname}${back.search}`, undefined, { headers: { cookie: `vigie_oidc=${flowCookie}` } });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(`${PUBLIC_URL}/#/`);
    const session = /vigie_session=([^;]*)/.exec(callback.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const me = await t.callAs({ cookie: session }, 'GET', '/api/session');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ user: { email: 'dana@velotys.example', name: 'Dana' }, role: 'manager', via: 'session' });

    // The same answer again (a replay): refused, no session.
    const replay = await t.callAs('anonymous', 'GET', `${back.pathname}${back.search}`, undefined, { headers: { cookie: `vigie_oidc=${flowCookie}` } });
    expect(replay.headers.get('location')).toBe(`${PUBLIC_URL}/#/login?error=oidc_state`);
    expect(replay.headers.get('set-cookie') ?? '').not.toMatch(/vigie_session=[^;]/);
  });
});
