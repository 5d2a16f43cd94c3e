import { createClient, type VigieClient } from '@vigie/client';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, openPage, startFeedServer, startVigie, type PageProblems, type RunningVigie, type TestBrowser, type TestVigie } from './vigie-harness';

/** A title that talks about markup: escaped twice in the feed, so its text really is `<img …>`. */
const LITERAL_TITLE = 'Alerte <img src=x onerror=alert(1)> sur la lanterne';
/** Markup injected into a title: the connector may strip it, the page must never run it. */
const MARKUP_TITLE = 'Piège <img src=x onerror=alert(2)><script>alert(3)</script> fin';

interface FeedItem {
  title: string;
  text: string;
  link: string;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const feedItems: FeedItem[] = [
  { title: 'Vigie sort sa version 1.0', text: 'Le logiciel de veille Vigie est disponible, le prix reste gratuit.', link: 'https://blog.example/vigie-1-0' },
  { title: 'Recette de la tarte aux pommes', text: 'Des pommes, du beurre et de la patience.', link: 'https://blog.example/tarte' },
  { title: escapeXml(LITERAL_TITLE), text: 'Un titre piégé ne doit jamais devenir du HTML.', link: 'https://blog.example/piege' },
  { title: MARKUP_TITLE, text: 'Du balisage dans un titre.', link: 'https://blog.example/balisage' },
];

function renderFeed(): string {
  const items = feedItems
    .map((item, i) => {
      const date = new Date(Date.now() - (i + 1) * 3_600_000).toUTCString();
      return `<item><title>${escapeXml(item.title)}</title><link>${item.link}</link><guid>${item.link}</guid><description>${escapeXml(item.text)}</description><pubDate>${date}</pubDate></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog exemple</title><link>https://blog.example/</link><description>Un blog</description>${items}</channel></rss>`;
}

describe('web interface in Chromium', () => {
  let vigie: TestVigie;
  let feed: RunningVigie;
  let browser: TestBrowser;
  let page: Page;
  let api: VigieClient;
  /** Page errors, CSP violations, alert() and prompt() dialogs (injected script ran): each fails the test it happens in. */
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBuilt();
    [vigie, feed, browser] = await Promise.all([startVigie(), startFeedServer(renderFeed), launchBrowser('fr-FR')]);
    api = createClient({ baseUrl: vigie.url, token: vigie.token });
    // The interface asks before deleting (confirm, accepted here).
    ({ page, problems } = await openPage(browser.context, { signIn: vigie, confirm: 'accept' }));
  });

  afterEach(() => problems.expectNone());

  afterAll(async () => {
    await browser?.close();
    await Promise.all([vigie?.close(), feed?.close()]);
  });

  it('opens in French for a French browser and switches to English, remembering the choice', async () => {
    await page.goto(vigie.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.getByRole('link', { name: /Publication/ }).click();
    await page.getByText('Bientôt disponible').waitFor();
    await page.screenshot({ path: '/tmp/vigie-coming-soon-fr.png' });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Coming soon').waitFor();
    await page.reload();
    await page.getByRole('link', { name: /Inbox/ }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('adds an RSS source, fetches it now, and its items reach the mention stream as plain text', async () => {
    await page.goto(`${vigie.url}/#/settings/sources`);
    // A URL the browser accepts but the server refuses: the reason appears under the field.
    await page.getByLabel('Feed URL').fill('ftp://example.org/feed.xml');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('#source-url-error').getByText(/http/).waitFor();
    expect(await page.getByLabel('Feed URL').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Feed URL').fill(feed.url);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const source = page.getByTestId('source').filter({ hasText: feed.url });
    await source.waitFor();
    await source.getByRole('button', { name: 'Fetch now' }).click();
    await source.getByText(/4 items read, 4 new/).waitFor();
    await page.screenshot({ path: '/tmp/vigie-sources.png', fullPage: true });

    // OPML import: the file picker adds every feed of the file.
    const otherFeed = feed.url.replace('feed.xml', 'other.xml');
    await page.getByLabel('Choose an OPML file…').setInputFiles({
      name: 'feeds.opml',
      mimeType: 'text/xml',
      buffer: Buffer.from(`<?xml version="1.0"?><opml version="2.0"><head><title>Flux</title></head><body><outline text="Autre blog" type="rss" xmlUrl="${otherFeed}"/></body></opml>`),
    });
    await page.getByText('1 source added.').waitFor();
    await page.getByTestId('source').filter({ hasText: 'Autre blog' }).waitFor();

    await page.goto(`${vigie.url}/#/mentions`);
    await page.getByRole('heading', { name: 'Vigie sort sa version 1.0' }).waitFor();
    await expect.poll(() => page.getByTestId('mention').count()).toBe(4);
    // A title about markup shows as text (ingest may strip the markup from text fields); it never becomes an element.
    const trap = page.getByTestId('mention').filter({ hasText: 'sur la lanterne' });
    expect(await trap.locator('h3').textContent()).toMatch(/^Alerte .*sur la lanterne$/);
    expect(await page.getByTestId('mention').filter({ hasText: 'Piège' }).count()).toBe(1);
    expect(await page.locator('main img, main script').count()).toBe(0);
    const link = trap.getByRole('link', { name: /Open/ });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(await link.getAttribute('target')).toBe('_blank');
    await page.screenshot({ path: '/tmp/vigie-mentions.png', fullPage: true });
    // No injected script ran (the check after each test also fails on this).
    expect(problems.dialogs).toEqual([]);
  });

  it('filters the stream with the search box', async () => {
    await page.getByLabel('Search').fill('pommes');
    await expect.poll(() => page.getByTestId('mention').count()).toBe(1);
    await page.getByRole('heading', { name: 'Recette de la tarte aux pommes' }).waitFor();
    await page.getByLabel('Search').fill('');
    await expect.poll(() => page.getByTestId('mention').count()).toBe(4);
  });

  it('shows a new mention live at the top, and holds it while paused', async () => {
    await page.getByText('Live', { exact: true }).waitFor();
    feedItems.push({ title: 'Nouvelle critique de Vigie', text: 'Vigie, une vigie attentive.', link: 'https://blog.example/critique' });
    const source = (await api.sources.list()).find((s) => s.config.url === feed.url);
    await page.getByRole('button', { name: 'Pause' }).click();
    await api.sources.fetch(source?.id ?? '');
    await page.getByRole('button', { name: /1 new mention/ }).click();
    const first = page.getByTestId('mention').first();
    await first.getByRole('heading', { name: 'Nouvelle critique de Vigie' }).waitFor();
    expect(await first.getAttribute('class')).toContain('fresh');
  });

  it('creates a topic in the query editor: the error points at its column, a valid query shows a preview', async () => {
    await page.goto(`${vigie.url}/#/settings/topics`);
    await page.getByRole('button', { name: 'New topic' }).click();
    await page.getByLabel('Name').fill('Vigie');
    const editor = page.getByLabel('Listening query');
    await editor.fill('(vigie');
    await page.getByTestId('query-error').getByText(/column 7/).waitFor();
    expect(await page.locator('.qe-highlight .tok-error-mark').count()).toBe(1);
    expect(await editor.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Create the topic' }).isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/vigie-query-error.png', fullPage: true });

    // Lint: a lowercase operator is a word, and the editor says so with its column.
    await editor.fill('vigie and prix');
    await page.locator('.qe-warning').getByText(/column 7/).waitFor();

    await editor.fill('vigie AND prix');
    const preview = page.getByTestId('query-preview');
    await preview.getByText(/mentions? in the last 30 days/).waitFor();
    expect(await preview.locator('mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/vigie-query-preview.png', fullPage: true });

    await page.getByRole('button', { name: 'Create the topic' }).click();
    const topic = page.getByTestId('topic').filter({ hasText: 'vigie AND prix' });
    await topic.getByRole('heading', { name: 'Vigie' }).waitFor();
    expect((await api.topics.list()).map((t) => t.name)).toEqual(['Vigie']);
  });

  it('renames a topic, switches its query off, then deletes it', async () => {
    const card = page.getByTestId('topic').filter({ hasText: 'vigie AND prix' });
    await card.getByRole('button', { name: 'Edit' }).first().click();
    const form = page.getByRole('form', { name: /Edit “Vigie”/ });
    await form.getByLabel('Name').fill('Vigie FR');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('topic').getByRole('heading', { name: 'Vigie FR' }).waitFor();

    await page.getByTestId('topic').getByLabel('Active').uncheck();
    await expect.poll(async () => (await api.topics.list())[0]?.queries[0]?.enabled).toBe(false);

    await page.getByTestId('topic').getByRole('button', { name: 'Delete' }).first().click();
    await page.getByText('No topics yet').waitFor();
    expect(await api.topics.list()).toEqual([]);
  });

  it('shows totals on the dashboard', async () => {
    await page.goto(vigie.url);
    await expect.poll(() => page.getByTestId('kpi-total').textContent()).toBe('5');
    await page.screenshot({ path: '/tmp/vigie-dashboard.png', fullPage: true });
  });
});
