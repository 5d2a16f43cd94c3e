import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@vigie/client';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, openPage, startVigie, type PageProblems, type TestBrowser, type TestVigie } from './vigie-harness';

const TOKEN = 'e2e-mastodon-token-0123456789';

/** Mastodon's resolving search and status creation (https://docs.joinmastodon.org/methods/statuses/#create); the first POST answers 500. */
async function startMastodon(): Promise<{ origin: string; posts: string[]; close(): Promise<void> }> {
  const posts: string[] = [];
  let failNext = true;
  let origin = '';
  const account = { id: '1', username: 'velotys', acct: 'velotys', followers_count: 10 };
  const status = (id: string, uri: string, content: string) => ({ id, uri, url: `${origin}/@velotys/${id}`, created_at: new Date().toISOString(), account, content, replies_count: 0, reblogs_count: 0, favourites_count: 0, reblog: null });
  const server: Server = createServer((req, res) => {
    const send = (code: number, body: unknown) => res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { error: 'The access token is invalid' });
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && url.pathname === '/api/v2/search') return send(200, { accounts: [], hashtags: [], statuses: [status('42', url.searchParams.get('q') ?? '', '<p>?</p>')] });
    if (req.method === 'POST' && url.pathname === '/api/v1/statuses') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (failNext) {
          failNext = false;
          return send(500, { error: 'Internal server error' });
        }
        posts.push((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { status: string }).status);
        return send(200, status(String(100 + posts.length), `${origin}/users/velotys/statuses/${100 + posts.length}`, '<p>ok</p>'));
      });
      return undefined;
    }
    return send(404, { error: 'Record not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, posts, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('replying through Mastodon in Chromium', () => {
  let vigie: TestVigie;
  let mastodon: Awaited<ReturnType<typeof startMastodon>>;
  let browser: TestBrowser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBuilt();
    [vigie, mastodon, browser] = await Promise.all([startVigie(), startMastodon(), launchBrowser('en-GB')]);
    ({ page, problems } = await openPage(browser.context, { signIn: vigie }));
    const api = createClient({ baseUrl: vigie.url, token: vigie.token });
    const source = await api.sources.create({ connector: 'mastodon', name: 'Velotys', config: { instance: mastodon.origin, hashtag: 'velotys', token: TOKEN } });
    await vigie.vigie.ingest(vigie.workspaceId, [{
      connector: 'mastodon', externalId: 'https://piaille.fr/users/jeanne/statuses/42', url: 'https://piaille.fr/@jeanne/42', author: { handle: '@jeanne@piaille.fr', followers: 300 },
      text: 'Hello, do you deliver to Belgium? Please let me know.', lang: 'en', kind: 'post', publishedAt: new Date(Date.now() - 3_600_000).toISOString(), engagement: {}, raw: {},
    }], { sourceId: source.id });
    await vigie.vigie.inboxWorker.idle();
  });

  afterEach(() => problems.expectNone());

  afterAll(async () => {
    await browser?.close();
    await Promise.all([vigie?.close(), mastodon?.close()]);
  });

  it('shows a failed send with its reason, sends it again once, and says where it was posted', async () => {
    await page.goto(`${vigie.url}/#/inbox`);
    const item = page.getByRole('list', { name: 'Conversations' }).getByRole('button').first();
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain('Belgium');
    await item.click();
    const conversation = page.getByRole('article', { name: 'Conversation' });
    await conversation.getByLabel('Your reply').fill('Yes, we deliver to Belgium within 3 days.');
    await conversation.getByRole('button', { name: 'Check and send' }).click();
    const outcome = conversation.getByRole('status').filter({ hasText: 'Not sent' });
    await outcome.waitFor();
    expect(await outcome.textContent()).toMatch(/HTTP 500|unavailable/i);
    await page.screenshot({ path: '/tmp/vigie-inbox-send-failed-en.png', fullPage: true });

    await outcome.getByRole('button', { name: 'Send again' }).click();
    await conversation.getByText('Sent on Mastodon').first().waitFor();
    const link = conversation.getByRole('link', { name: 'see it' }).first();
    expect(await link.getAttribute('href')).toBe(`${mastodon.origin}/@velotys/101`);
    expect(mastodon.posts).toEqual(['Yes, we deliver to Belgium within 3 days.']);
    // Once sent, the earlier failure is history, not a message on screen.
    expect(await conversation.getByRole('status').filter({ hasText: 'Sent on Mastodon' }).textContent()).not.toMatch(/HTTP 500/);
    await page.screenshot({ path: '/tmp/vigie-inbox-send-sent-en.png', fullPage: true });
  });
});
