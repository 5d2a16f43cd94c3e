/**
 * SSRF: every address a user gives Vigie to call (docs/security.md § SSRF lists them) is refused
 * when it is — or resolves to, or redirects to — loopback, link-local (cloud metadata) or another
 * private address, with VIGIE_ALLOW_PRIVATE_URLS off. Each entry point is checked when the address
 * is saved (a readable 400) and again at every connection (a name that changed its DNS answer
 * since, a redirect), and the private target never receives a request.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, isConnectorError } from '@vigie/connectors';
import { createWebhookChannel } from '../notify';
import { sampleNotification } from '../notify/sample-notification';
import { pollSource } from '../jobs/poll-source.job';
import { createTestVigie, rssFeed, type TestVigie } from '../test/test-vigie';

/** A server on a loopback address that records what reached it. */
async function listen(host: string, handler: (req: IncomingMessage) => { status: number; headers?: Record<string, string>; body?: string }) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method ?? ''} ${req.url ?? ''}`);
    const answer = handler(req);
    res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { port, hits, origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('SSRF: user-supplied addresses never reach private networks', () => {
  let t: TestVigie;
  let target: Awaited<ReturnType<typeof listen>>;
  let private6: Awaited<ReturnType<typeof listen>> | undefined;
  /** Addresses that must be refused: loopback by IP and by name, cloud metadata, IPv6 loopback, IPv4-mapped IPv6. */
  let privateUrls: string[];

  beforeAll(async () => {
    t = await createTestVigie({ allowPrivateUrls: false });
    target = await listen('127.0.0.1', () => ({ status: 200, headers: { 'content-type': 'application/rss+xml' }, body: rssFeed([{ guid: 'secret', title: 'internal', description: 'internal data' }]) }));
    private6 = await listen('::1', () => ({ status: 200, body: 'internal' })).catch(() => undefined);
    privateUrls = [
      `${target.origin}/feed.xml`,
      `http://localhost:${target.port}/feed.xml`,
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      `http://[::1]:${private6?.port ?? target.port}/feed.xml`,
      `http://[::ffff:127.0.0.1]:${target.port}/feed.xml`,
      'http://10.0.0.1/feed.xml',
    ];
  });
  afterAll(async () => {
    await target.close();
    await private6?.close();
    await t.close();
  });

  const nothingReached = () => {
    expect(target.hits).toEqual([]);
    expect(private6?.hits ?? []).toEqual([]);
  };

  it('sources: adding a feed (url), a Mastodon instance, or changing a saved source to such an address is refused with the field', async () => {
    for (const url of privateUrls) {
      const feed = await t.call('POST', '/api/sources', { connector: 'rss', url });
      expect(feed.status, url).toBe(400);
      expect(feed.json).toMatchObject({ error: { code: 'validation_failed' } });
      expect(JSON.stringify(feed.json)).toMatch(/private address|not allowed/);

      const mastodon = await t.call('POST', '/api/sources', { connector: 'mastodon', config: { instance: url.replace(/\/feed\.xml$|\/latest.*$/, ''), hashtag: 'vigie' } });
      expect(mastodon.status, url).toBe(400);
    }
    const saved = await t.vigie.store.sources.create(t.vigie.defaultWorkspace.id, { connector: 'rss', name: 'Blog', config: { url: 'https://blog.example/feed' }, pollIntervalSec: 900 });
    for (const url of privateUrls) {
      const patched = await t.call('PATCH', `/api/sources/${saved.id}`, { config: { url } });
      expect(patched.status, url).toBe(400);
    }
    expect((await t.vigie.store.sources.get(t.vigie.defaultWorkspace.id, saved.id))?.config.url).toBe('https://blog.example/feed');
    nothingReached();
  });

  it('sources: the connection test refuses before calling, and an OPML import skips such feeds with the reason', async () => {
    for (const url of privateUrls) {
      const tested = await t.call('POST', '/api/sources/test', { connector: 'rss', url });
      expect(tested.status, url).toBe(400);
    }
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>${privateUrls.map((u) => `<outline type="rss" text="x" xmlUrl="${u.replace(/&/g, '&amp;')}"/>`).join('')}</body></opml>`;
    const response = await t.app.request('/api/sources/opml', { method: 'POST', headers: { 'content-type': 'text/xml', authorization: `Bearer ${t.owner.token}` }, body: opml });
    const imported = (await response.json()) as { created: unknown[]; errors: { message: string }[] };
    expect(imported.created).toEqual([]);
    expect(imported.errors).toHaveLength(privateUrls.length);
    nothingReached();
  });

  it('sources: a saved feed whose address is private by the time it is polled (DNS changed since) is refused at connection', async () => {
    const saved = await t.vigie.store.sources.create(t.vigie.defaultWorkspace.id, { connector: 'rss', name: 'Rebound', config: { url: `http://localhost:${target.port}/feed.xml` }, pollIntervalSec: 900 });
    const fetched = await t.call('POST', `/api/sources/${saved.id}/fetch`);
    expect(fetched.status).toBe(200);
    expect(fetched.json).toMatchObject({ fetched: 0, error: { code: 'blocked_url' } });
    expect((await t.call('GET', '/api/mentions?connector=rss')).json.items).toEqual([]);
    nothingReached();
  });

  it('sources: a public feed redirecting to loopback or to the metadata address is refused at the redirect', async () => {
    // 127.0.0.2 stands for a public host: the same client the server builds, with that one address allowed.
    let redirectTo = `${target.origin}/feed.xml`;
    const redirector = await listen('127.0.0.2', () => ({ status: 302, headers: { location: redirectTo } }));
    try {
      const http = createHttpClient({ allowPrivate: false, allowedAddresses: ['127.0.0.2'] });
      for (const to of [`${target.origin}/feed.xml`, 'http://169.254.169.254/latest/meta-data/', `http://localhost:${target.port}/feed.xml`]) {
        redirectTo = to;
        const source = await t.vigie.store.sources.create(t.vigie.defaultWorkspace.id, { connector: 'rss', name: to, config: { url: `${redirector.origin}/feed.xml?to=${encodeURIComponent(to)}` }, pollIntervalSec: 900 });
        const result = await pollSource({ store: t.vigie.store, ingest: t.vigie.ingest, http, log: t.vigie.log, secrets: t.vigie.secrets, now: () => new Date() }, source);
        expect(result.error?.code, to).toBe('blocked_url');
      }
      await http.close();
      expect(redirector.hits).toHaveLength(3);
    } finally {
      await redirector.close();
    }
    nothingReached();
  });

  it('alert webhooks: a private address is refused when a rule is created or changed, and at delivery (DNS changed, or a redirect)', async () => {
    const topic = await t.call('POST', '/api/topics', { name: 'Ondine', kind: 'product', queries: ['ondine'] });
    for (const url of privateUrls) {
      const refused = await t.call('POST', '/api/alert-rules', { name: 'X', scope: { kind: 'topic', id: String(topic.json.id) }, detectors: ['volume_spike'], channels: [{ kind: 'webhook', url }] });
      expect(refused.status, url).toBe(400);
    }
    const rule = await t.call('POST', '/api/alert-rules', { name: 'Public', scope: { kind: 'topic', id: String(topic.json.id) }, detectors: ['volume_spike'], channels: [{ kind: 'webhook', url: 'https://93.184.215.14/hooks/x' }] });
    expect(rule.status).toBe(201);
    for (const url of privateUrls) {
      const patched = await t.call('PATCH', `/api/alert-rules/${String(rule.json.id)}`, { channels: [{ kind: 'webhook', url }] });
      expect(patched.status, url).toBe(400);
    }
    const channel = createWebhookChannel({ allowPrivate: false });
    for (const url of privateUrls.slice(0, 2)) {
      const outcome = await channel.send(sampleNotification(), { kind: 'webhook', url, format: 'generic' });
      expect(outcome, url).toMatchObject({ failed: expect.stringContaining('blocked_url') });
    }
    const redirector = await listen('127.0.0.2', () => ({ status: 307, headers: { location: `${target.origin}/hook` } }));
    try {
      const viaRedirect = createWebhookChannel({ allowPrivate: false, allowedAddresses: ['127.0.0.2'] });
      expect(await viaRedirect.send(sampleNotification(), { kind: 'webhook', url: `${redirector.origin}/hook`, format: 'slack' })).toMatchObject({ failed: expect.stringContaining('blocked_url') });
      expect(redirector.hits).toEqual(['POST /hook']);
    } finally {
      await redirector.close();
    }
    nothingReached();
  });

  it('connected accounts: a Mastodon instance on a private address is refused for an account and for "Connect with Mastodon"', async () => {
    for (const url of privateUrls) {
      const instance = url.replace(/\/feed\.xml$|\/latest.*$/, '');
      const account = await t.call('POST', '/api/accounts', { connector: 'mastodon', name: 'Interne', config: { instance, token: 'token-0123456789-abcdef' } });
      expect(account.status, instance).toBe(400);
      expect(JSON.stringify(account.json)).toMatch(/private address/);
      const oauth = await t.call('GET', `/api/oauth/mastodon/start?instance=${encodeURIComponent(instance)}`);
      expect(oauth.status, instance).toBe(400);
      expect(JSON.stringify(oauth.json)).toMatch(/private address/);
    }
    nothingReached();
  });

  it('the kit client itself: a name answering a private address, and the same name re-resolving between check and connect (rebinding)', async () => {
    let answers = [['93.184.215.14'], ['127.0.0.1']];
    const rebinding = createHttpClient({ allowPrivate: false, resolve: () => Promise.resolve((answers.shift() ?? ['127.0.0.1']).map((address) => ({ address, family: 4 as const }))) });
    const error: unknown = await rebinding.get(`http://rebind.example:${target.port}/feed.xml`).catch((e: unknown) => e);
    expect(isConnectorError(error) && error.code).toBe('blocked_url');
    answers = [['169.254.169.254']];
    const metadata: unknown = await rebinding.get('http://metadata.example/latest/').catch((e: unknown) => e);
    expect(isConnectorError(metadata) && metadata.code).toBe('blocked_url');
    await rebinding.close();
    nothingReached();
  });
});
