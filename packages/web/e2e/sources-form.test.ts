/**
 * The add-source form in Chromium, drawn from each connector's JSON Schema: labels in the page
 * language, credentials as password inputs, the "exactly one of" choice, and the API's field
 * errors under the field they are about.
 */
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '@vigie/client';
import { ensureWebBuilt, launchBrowser, openPage, startFeedServer, startVigie, type PageProblems, type RunningVigie, type TestBrowser, type TestVigie } from './vigie-harness';

const feedXml = (): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Blog</title><link>https://blog.example/</link><description>Un blog</description>${[1, 2, 3, 4, 5, 6, 7]
    .map((i) => `<item><title>Billet ${i}</title><link>https://blog.example/${i}</link><guid>https://blog.example/${i}</guid><description>Texte ${i}</description></item>`)
    .join('')}</channel></rss>`;

describe('add-source form from connector schemas', () => {
  let vigie: TestVigie;
  let feed: RunningVigie;
  let browser: TestBrowser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBuilt();
    [vigie, feed, browser] = await Promise.all([startVigie(), startFeedServer(feedXml), launchBrowser('fr-FR')]);
    ({ page, problems } = await openPage(browser.context, { signIn: vigie, url: `${vigie.url}/#/settings/sources` }));
  });

  afterEach(() => problems.expectNone());

  afterAll(async () => {
    await browser?.close();
    await Promise.all([vigie?.close(), feed?.close()]);
  });

  const form = (): ReturnType<Page['getByRole']> => page.getByRole('form', { name: 'Ajouter une source' });

  it('tests a feed before saving it: the first five items are shown and nothing is added', async () => {
    await form().getByLabel('URL du flux').fill(feed.url);
    await form().getByRole('button', { name: 'Tester' }).click();
    const result = page.getByTestId('source-test');
    await result.getByText('Ça marche : 7 éléments trouvés.', { exact: false }).waitFor();
    expect(await result.getByRole('listitem').count()).toBe(5);
    await result.getByText('Billet 1', { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/vigie-source-test.png', fullPage: true });
    expect(await createClient({ baseUrl: vigie.url, token: vigie.token }).sources.list()).toEqual([]);

    await form().getByLabel('URL du flux').fill(feed.url.replace('/feed.xml', '/absent'));
    await expect.poll(() => page.getByTestId('source-test').count()).toBe(0);
    await form().getByRole('button', { name: 'Tester' }).click();
    await page.getByTestId('source-test').getByText('Le test a échoué').waitFor();
  });

  it('draws the Mastodon settings in French, the token as a password and one watched thing at a time', async () => {
    await form().getByLabel('Réseau').selectOption('mastodon');
    await form().getByLabel('Instance').waitFor();
    expect(await form().getByLabel('Jeton d’accès (secret)').getAttribute('type')).toBe('password');
    expect(await form().getByLabel('Jeton d’accès (secret)').inputValue()).toBe('');
    const group = form().getByRole('group', { name: /exactement un/ });
    // Hashtag, public timeline, search and the account's mentions: the connector's own list of modes.
    expect(await group.getByRole('radio').count()).toBe(4);
    // Mentions of the account is a yes/no mode: choosing it is enough, no checkbox to tick as well.
    await group.getByRole('radio', { name: 'Mentions de mon compte (jeton requis)' }).check();
    await expect.poll(() => form().getByRole('checkbox').count()).toBe(0);
    await group.getByRole('radio', { name: 'Fil public' }).check();
    await expect.poll(() => form().getByRole('textbox', { name: 'Mot-dièse (sans #)' }).count()).toBe(0);
    await form().getByRole('combobox', { name: 'Fil public' }).selectOption('local');
    await form().screenshot({ path: '/tmp/vigie-source-form.png' });
  });

  it('shows a problem reported by the API under the field it is about', async () => {
    await form().getByLabel('Instance').fill('ftp://mastodon.example');
    await form().getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.locator('#source-instance-error').waitFor();
    expect(await form().getByLabel('Instance').getAttribute('aria-invalid')).toBe('true');
  });

  it('adds a Mastodon source with only the chosen setting', async () => {
    await form().getByLabel('Instance').fill('http://127.0.0.1:9/');
    await form().getByRole('button', { name: 'Ajouter', exact: true }).click();
    await page.getByTestId('source').first().waitFor();
    const [source] = await createClient({ baseUrl: vigie.url, token: vigie.token }).sources.list();
    expect(source?.connector).toBe('mastodon');
    expect(source?.config).toMatchObject({ timeline: 'local' });
    expect(source?.config).not.toHaveProperty('hashtag');
  });

  it('creates a webhook intake whose URL and secret, shown once, accept a signed push', async () => {
    const panel = page.getByRole('region', { name: 'Réception par webhook' });
    await panel.getByLabel('Nom du point de réception').fill('Zapier');
    await panel.getByRole('button', { name: 'Créer un point de réception' }).click();
    const created = page.getByTestId('intake-created');
    await created.waitFor();
    const [url, secret] = await created.locator('code').allTextContents();
    await panel.getByTestId('intake').filter({ hasText: 'Zapier' }).getByText('rien reçu').waitFor();

    const body = JSON.stringify([{ externalId: 'e2e-1', text: 'Poussé par un autre outil' }]);
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', secret ?? '').update(`${timestamp}.${body}`).digest('hex');
    const response = await fetch(url ?? '', { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-vigie-timestamp': String(timestamp), 'x-vigie-signature': `sha256=${signature}` } });
    expect(await response.json()).toMatchObject({ inserted: 1, rejected: [] });
    expect((await createClient({ baseUrl: vigie.url, token: vigie.token }).intakes.list())[0]?.lastReceivedAt).toBeDefined();
  });
});
