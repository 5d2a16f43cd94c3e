import { createClient } from '@vigie/client';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, openPage, OWNER, startFeedServer, startVigie, type PageProblems, type RunningVigie, type TestBrowser, type TestVigie } from './vigie-harness';

/** A feed with one customer question: it must land in the inbox with its reasons. */
function renderFeed(): string {
  const date = new Date(Date.now() - 2 * 3_600_000).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Forum</title><link>https://forum.example/</link><description>Forum</description><language>fr</language><item><title>Livraison en Belgique ?</title><link>https://forum.example/t/42</link><guid>https://forum.example/t/42</guid><description>Bonjour, est-ce que vous livrez en Belgique ? Merci de me répondre.</description><pubDate>${date}</pubDate></item></channel></rss>`;
}

describe('inbox in Chromium', () => {
  let vigie: TestVigie;
  let feed: RunningVigie;
  let browser: TestBrowser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBuilt();
    [vigie, feed, browser] = await Promise.all([startVigie(), startFeedServer(renderFeed), launchBrowser('fr-FR')]);
    ({ page, problems } = await openPage(browser.context, { signIn: vigie }));
    const api = createClient({ baseUrl: vigie.url, token: vigie.token });
    const source = await api.sources.create({ connector: 'rss', url: feed.url });
    await api.sources.fetch(source.id);
    // Two more members: an agent who can be assigned, an analyst who cannot.
    const store = vigie.vigie.store;
    const agent = await store.users.create({ email: 'agent@vigie.test', name: 'Bea Agent', locale: 'fr' });
    await store.memberships.set(vigie.workspaceId, agent.id, 'agent');
    const analyst = await store.users.create({ email: 'analyste@vigie.test', name: 'Alex Analyste', locale: 'fr' });
    await store.memberships.set(vigie.workspaceId, analyst.id, 'analyst');
  });

  afterEach(() => problems.expectNone());

  afterAll(async () => {
    await browser?.close();
    await Promise.all([vigie?.close(), feed?.close()]);
  });

  it('triages a question, checks a reply with the guard as it is typed, and answers it by keyboard', async () => {
    await page.goto(`${vigie.url}/#/inbox`);
    await page.getByRole('heading', { level: 1, name: 'Boîte de réception' }).waitFor();
    const item = page.getByRole('list', { name: 'Conversations' }).getByRole('button').first();
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain('Belgique');
    expect(await item.textContent()).toMatch(/Question sans réponse/);

    await page.keyboard.press('j');
    const article = page.getByRole('article', { name: 'Conversation' });
    await article.waitFor();
    // No typed name any more: the signed-in member works here.
    expect(await page.getByLabel('Je suis').count()).toBe(0);
    await page.keyboard.press('a');
    await article.getByText(`attribuée à ${OWNER.name}`).waitFor();
    const assignee = article.getByLabel('Attribuée à');
    expect(await assignee.locator('option').allTextContents()).toEqual(['Personne', 'Bea Agent', `${OWNER.name} (moi)`]);
    await page.getByRole('tab', { name: 'Les miennes' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Conversations' }).getByRole('button').count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Conversations' }).getByRole('button').first().textContent()).toContain('attribuée à moi');
    await page.getByRole('list', { name: 'Conversations' }).getByRole('button').first().click();
    // Given to another member, it leaves "mine".
    await assignee.selectOption({ label: 'Bea Agent' });
    await article.getByText('attribuée à Bea Agent').waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Conversations' }).getByRole('button').count()).toBe(0);
    await page.getByRole('tab', { name: 'Ouvertes' }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('button').first().click();
    await article.getByLabel('Nouvelle note (visible de l’équipe seulement)').fill('Client fidèle');
    await article.getByRole('button', { name: 'Ajouter la note' }).click();
    await article.getByRole('listitem').filter({ hasText: 'Client fidèle' }).getByText(OWNER.name).waitFor();
    await article.getByText('Historique').click();
    await article.getByText(`${OWNER.name} · update`).first().waitFor();

    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Appelez-moi au 06 12 34 56 78, commande CMD-458712.');
    await page.getByText('Retenu : tournez sept fois votre langue').waitFor();
    await page.screenshot({ path: '/tmp/vigie-inbox-guard-fr.png' });

    await page.getByLabel('Votre réponse').fill('Oui, nous livrons en Belgique en 3 jours.');
    await page.getByText('Peut partir').waitFor();
    await page.getByRole('button', { name: 'Vérifier et envoyer' }).click();
    await page.getByText('Publiez-le sur le réseau, puis confirmez').first().waitFor();
    await page.getByRole('button', { name: 'C’est publié' }).click();
    await page.getByRole('article', { name: 'Conversation' }).getByText('Répondue').waitFor();

    await page.keyboard.press('e');
    await expect.poll(() => page.getByRole('list', { name: 'Conversations' }).getByRole('button').count()).toBe(0);
    await page.getByRole('tab', { name: 'Traitées' }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Conversations' }).getByRole('button').count()).toBe(1);
  });

  it('sets our own accounts and the digest hour, and previews the digest', async () => {
    await page.goto(`${vigie.url}/#/inbox`);
    await page.getByRole('button', { name: 'Réglages de la boîte de réception' }).click();
    const panel = page.getByRole('region', { name: 'Réglages de la boîte de réception' });
    await panel.getByRole('button', { name: 'Ajouter un compte' }).click();
    await panel.getByLabel('Identifiant').fill('@velotys@mastodon.social');
    await panel.getByLabel('Heure').selectOption('16');
    await panel.getByLabel('Destinataires e-mail (séparés par des virgules)').fill('cm@velotys.example');
    await panel.getByRole('button', { name: 'Enregistrer' }).click();
    await panel.getByText('Enregistré').waitFor();
    const api = createClient({ baseUrl: vigie.url, token: vigie.token });
    expect(await api.inbox.ownAccounts()).toEqual([{ connector: 'mastodon', handle: '@velotys@mastodon.social' }]);
    expect(await api.inbox.digestSettings()).toMatchObject({ hour: 16, timeZone: 'Europe/Paris', recipients: ['cm@velotys.example'] });
    await panel.getByRole('button', { name: 'Voir le résumé maintenant' }).click();
    await panel.getByText(/conversations? peu prioritaires?/).first().waitFor();
    await page.screenshot({ path: '/tmp/vigie-inbox-settings-fr.png', fullPage: true });
  });
});
