/**
 * "Connect with…" against local servers replaying each provider's documented answers: X (PKCE,
 * confidential client), Mastodon (an app registered on the instance, then the code exchange), the
 * single-use 10-minute state, refresh before expiry, and a refused refresh → needs re-authorisation.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSource } from '../services/account-service';
import { createTestVigie, type TestVigie } from '../test/test-vigie';
import { startInstance } from '../test/mastodon-instance';
import { createOAuthFlow, STATE_TTL_MS } from '../services/oauth-flow';

/**
 * https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token — the
 * answer of POST /2/oauth2/token to `grant_type=authorization_code` (and to `refresh_token`).
 */
const X_TOKEN = {
  token_type: 'bearer',
  expires_in: 7200,
  access_token: 'VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dxOjE2MjIxNjA4MjU4MjU6MToxOmF0OjE',
  scope: 'tweet.read users.read tweet.write offline.access',
  refresh_token: 'bWRWa3gzdnk3WHRGU1o0bmRRcTJ5VUxWX1lZTDdJSUtmaWcxbTVxdEFXcW5tOjE2MjIxNjA4MjU4MjU6MToxOnJ0OjE',
};
/** Same page: what X answers a revoked refresh token (400). */
const X_REFUSED = { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' };
/** https://docs.joinmastodon.org/methods/apps/#create — 200 OK. */
const MASTODON_APP = {
  id: '563419',
  name: 'Vigie',
  website: null,
  scopes: ['read', 'write:statuses'],
  redirect_uris: ['http://127.0.0.1:4000/api/oauth/mastodon/callback'],
  vapid_key: 'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
  redirect_uri: 'http://127.0.0.1:4000/api/oauth/mastodon/callback',
  client_id: 'TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM',
  client_secret: 'ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw',
  client_secret_expires_at: 0,
};
/** https://docs.joinmastodon.org/methods/oauth/#token — 200 OK (Mastodon tokens do not expire). */
const MASTODON_TOKEN = { access_token: 'good-token-123', token_type: 'Bearer', scope: 'read write:statuses', created_at: 1573979017 };

interface TokenRequest {
  authorization?: string;
  form: URLSearchParams;
}

/** X's token endpoint: answers `X_TOKEN` unless `refuse` is set. */
async function startXTokenServer() {
  const requests: TokenRequest[] = [];
  const state = { refuse: false };
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ authorization: req.headers.authorization, form: new URLSearchParams(body) });
      if (state.refuse) return res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(X_REFUSED));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(X_TOKEN));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('OAuth accounts', () => {
  let t: TestVigie;
  let xServer: Awaited<ReturnType<typeof startXTokenServer>>;
  let clock = Date.now();

  beforeAll(async () => {
    t = await createTestVigie({ oauth: { x: { clientId: 'x-client-id', clientSecret: 'x-client-secret' } }, publicUrl: 'http://vigie.test' }, () => new Date(clock));
    xServer = await startXTokenServer();
    // Tests only: the endpoints point at the local server (never settable from configuration).
    t.vigie.oauth = createOAuthFlow({ ...t.vigie, http: (await import('@vigie/connectors')).createHttpClient({ allowPrivate: true }), endpoints: { x: { tokenUrl: `${xServer.origin}/2/oauth2/token` } } });
  });
  afterAll(async () => {
    await xServer.close();
    await t.close();
  });

  async function authorise(connector: string, query = '') {
    const started = await t.call('GET', `/api/oauth/${connector}/start${query}`);
    expect(started.status).toBe(200);
    const url = new URL(String(started.json.url));
    return { url, state: url.searchParams.get('state') ?? '' };
  }

  it('connects an X account: PKCE consent URL, code exchanged once, token sealed, back to Settings', async () => {
    const { url, state } = await authorise('x');
    expect(url.origin + url.pathname).toBe('https://x.com/i/oauth2/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe('http://vigie.test/api/oauth/x/callback');
    expect(url.searchParams.get('scope')).toContain('offline.access');

    // The network sends the browser back: no session needed, the state is the credential.
    const back = await t.callAs('anonymous', 'GET', `/api/oauth/x/callback?state=${state}&code=code-from-x`);
    expect(back.status).toBe(302);
    const location = back.headers.get('location') ?? '';
    expect(location).toMatch(/^http:\/\/vigie\.test\/#\/settings\/accounts\?connected=/);
    const id = decodeURIComponent(location.split('connected=')[1] ?? '');

    const exchange = xServer.requests.at(-1)!;
    expect(exchange.form.get('grant_type')).toBe('authorization_code');
    expect(exchange.form.get('code')).toBe('code-from-x');
    expect(exchange.form.get('code_verifier')).toMatch(/^[\w-]{43,}$/);
    expect(exchange.authorization).toBe(`Basic ${Buffer.from('x-client-id:x-client-secret').toString('base64')}`);

    const account = await t.call('GET', `/api/accounts/${id}`);
    expect(account.json).toMatchObject({ connector: 'x', status: 'ok', oauth: 'x', budget: { monthlyReads: 10_000 } });
    expect(account.json.secretsSet).toEqual(expect.arrayContaining(['bearerToken', 'refreshToken']));
    expect(JSON.stringify(account.json)).not.toContain(X_TOKEN.access_token);
    const stored = await t.vigie.store.accounts.get(t.vigie.defaultWorkspace.id, id);
    expect(JSON.stringify(stored)).not.toContain(X_TOKEN.access_token);

    // The same state cannot be used twice.
    const replay = await t.callAs('anonymous', 'GET', `/api/oauth/x/callback?state=${state}&code=code-from-x`);
    expect(replay.status).toBe(404);
  });

  it('refuses an unknown, foreign-connector or expired state', async () => {
    expect((await t.callAs('anonymous', 'GET', '/api/oauth/x/callback?state=forged&code=c')).status).toBe(404);
    const { state } = await authorise('x');
    expect((await t.callAs('anonymous', 'GET', `/api/oauth/youtube/callback?state=${state}&code=c`)).status).toBe(404);
    const later = await authorise('x');
    clock += STATE_TTL_MS + 1000;
    try {
      expect((await t.callAs('anonymous', 'GET', `/api/oauth/x/callback?state=${later.state}&code=c`)).status).toBe(404);
    } finally {
      clock = Date.now();
    }
  });

  it('goes back to Settings with the reason when the user declines or the network refuses the code', async () => {
    const declined = await authorise('x');
    const back = await t.callAs('anonymous', 'GET', `/api/oauth/x/callback?state=${declined.state}&error=access_denied`);
    expect(back.status).toBe(302);
    expect(decodeURIComponent(back.headers.get('location') ?? '')).toMatch(/#\/settings\/accounts\?error=.*access_denied/);

    xServer.state.refuse = true;
    try {
      const refused = await authorise('x');
      const again = await t.callAs('anonymous', 'GET', `/api/oauth/x/callback?state=${refused.state}&code=bad`);
      expect(decodeURIComponent(again.headers.get('location') ?? '')).toContain('Value passed for the token was invalid');
    } finally {
      xServer.state.refuse = false;
    }
  });

  it('says which variable to set when no app is configured for a network', async () => {
    const refused = await t.call('GET', '/api/oauth/linkedin/start');
    expect(refused.status).toBe(409);
    expect(String((refused.json.error as { message: string }).message)).toContain('VIGIE_OAUTH_LINKEDIN_CLIENT_ID');
  });

  it('refreshes a token about to expire before using it; a refused refresh marks the account needs_reauth', async () => {
    const { state } = await authorise('x');
    const back = await t.callAs('anonymous', 'GET', `/api/oauth/x/callback?state=${state}&code=c2`);
    const id = decodeURIComponent((back.headers.get('location') ?? '').split('connected=')[1] ?? '');
    const ws = t.vigie.defaultWorkspace.id;
    const created = await t.call('POST', '/api/sources', { connector: 'x', accountId: id, config: { query: 'vigie' } });
    expect(created.status).toBe(201);
    const source = (await t.vigie.store.sources.get(ws, String(created.json.id)))!;
    const deps = { store: t.vigie.store, secrets: t.vigie.secrets, log: t.vigie.log, now: () => new Date(clock), refreshAccount: t.vigie.oauth.refresh };

    // Far from expiry: no refresh.
    const before = xServer.requests.length;
    expect((await prepareSource(deps, source)).ok).toBe(true);
    expect(xServer.requests.length).toBe(before);

    // Two minutes before expiry (7200 s): refreshed first, with the refresh token — once, even when
    // two sources of the account poll at the same moment (X rotates refresh tokens).
    clock += (7200 - 120) * 1000;
    try {
      const requestsBefore = xServer.requests.length;
      const [prepared, twin] = await Promise.all([prepareSource(deps, source), prepareSource(deps, source)]);
      expect(xServer.requests.length - requestsBefore).toBe(1);
      expect(twin.ok && twin.config.bearerToken).toBe(X_TOKEN.access_token);
      expect(prepared.ok && prepared.config.bearerToken).toBe(X_TOKEN.access_token);
      expect(xServer.requests.at(-1)?.form.get('grant_type')).toBe('refresh_token');
      expect(xServer.requests.at(-1)?.form.get('refresh_token')).toBe(X_TOKEN.refresh_token);
      const refreshed = await t.vigie.store.accounts.get(ws, id);
      expect(Date.parse(String(refreshed?.config.expiresAt))).toBeGreaterThan(clock + 7000 * 1000);

      // Expiring again and X unreachable: this poll fails, the account stays ok (retried later).
      clock += (7200 - 60) * 1000;
      const down = await prepareSource({ ...deps, refreshAccount: createOAuthFlow({ ...t.vigie, http: (await import('@vigie/connectors')).createHttpClient({ allowPrivate: true }), endpoints: { x: { tokenUrl: 'http://127.0.0.1:9/2/oauth2/token' } } }).refresh }, source);
      expect(down).toMatchObject({ ok: false, transient: true });
      expect((await t.vigie.store.accounts.get(ws, id))?.status).toBe('ok');
      clock -= (7200 - 60) * 1000;

      // Expiring again, and X refuses the refresh token: the account needs re-authorisation.
      clock += (7200 - 60) * 1000;
      xServer.state.refuse = true;
      const refused = await prepareSource(deps, source);
      expect(refused.ok).toBe(false);
      const account = await t.call('GET', `/api/accounts/${id}`);
      expect(account.json).toMatchObject({ status: 'needs_reauth' });
      expect(String(account.json.statusReason)).toContain('Value passed for the token was invalid');
      expect(JSON.stringify(account.json)).not.toContain(X_TOKEN.refresh_token);

      // Connecting again (OAuth with accountId) re-authorises the same account and resumes it.
      xServer.state.refuse = false;
      const again = await authorise('x', `?accountId=${id}`);
      const back2 = await t.callAs('anonymous', 'GET', `/api/oauth/x/callback?state=${again.state}&code=c3`);
      expect(back2.headers.get('location')).toContain(`connected=${id}`);
      expect((await t.call('GET', `/api/accounts/${id}`)).json.status).toBe('ok');
    } finally {
      clock = Date.now();
      xServer.state.refuse = false;
    }
  });
});

describe('Mastodon OAuth', () => {
  let t: TestVigie;
  let instance: Awaited<ReturnType<typeof startInstance>>;

  beforeAll(async () => {
    t = await createTestVigie({ publicUrl: 'http://vigie.test' });
    instance = await startInstance({
      'POST /api/v1/apps': (_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(MASTODON_APP)),
      'POST /oauth/token': (_req, _body, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(MASTODON_TOKEN)),
    });
  });
  afterAll(async () => {
    await instance.close();
    await t.close();
  });

  it('registers Vigie on the instance, exchanges the code there, and the account’s sources poll with the token', async () => {
    const started = await t.call('GET', `/api/oauth/mastodon/start?instance=${encodeURIComponent(instance.origin)}`);
    expect(started.status).toBe(200);
    const registration = instance.requests.find((r) => r.url === '/api/v1/apps');
    expect(JSON.parse(registration?.body ?? '{}')).toMatchObject({ client_name: 'Vigie', redirect_uris: 'http://vigie.test/api/oauth/mastodon/callback', scopes: 'read write:statuses' });
    const url = new URL(String(started.json.url));
    expect(url.origin + url.pathname).toBe(`${instance.origin}/oauth/authorize`);
    expect(url.searchParams.get('client_id')).toBe(MASTODON_APP.client_id);

    const back = await t.callAs('anonymous', 'GET', `/api/oauth/mastodon/callback?state=${url.searchParams.get('state')}&code=mastodon-code`);
    expect(back.status).toBe(302);
    const token = new URLSearchParams(instance.requests.find((r) => r.url === '/oauth/token')?.body);
    expect(token.get('client_secret')).toBe(MASTODON_APP.client_secret);
    expect(token.get('code')).toBe('mastodon-code');
    const id = decodeURIComponent((back.headers.get('location') ?? '').split('connected=')[1] ?? '');
    const account = await t.call('GET', `/api/accounts/${id}`);
    expect(account.json).toMatchObject({ connector: 'mastodon', status: 'ok', config: { instance: instance.origin } });
    expect(JSON.stringify(account.json)).not.toContain(MASTODON_APP.client_secret);

    const source = await t.call('POST', '/api/sources', { connector: 'mastodon', accountId: id, config: { instance: instance.origin, hashtag: 'vigie' } });
    expect(source.status).toBe(201);
    const polled = await t.vigie.pollSource((await t.vigie.store.sources.get(t.vigie.defaultWorkspace.id, String(source.json.id)))!);
    expect(polled.error).toBeUndefined();
    expect(instance.requests.at(-1)?.authorization).toBe('Bearer good-token-123');
  });
});
