/**
 * Identity in Chromium: first start through the setup link, sign-in errors, sign-out, what an
 * analyst sees (and what the server refuses them), and untrusted mention content as inert text.
 */
import { createClient, type VigieClient } from '@vigie/client';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createSetupToken, ensureWebBuilt, launchBrowser, openPage, OWNER, startVigie, type PageProblems, type TestBrowser, type TestVigie } from './vigie-harness';

const ANALYST = { email: 'analyste@vigie.test', name: 'Ana Lyste', password: 'lecture-seule-mais-curieuse' };

/** Untrusted content in every field a mention shows: none of it may run or become an element. */
const XSS = {
  title: 'Titre <img src=x onerror=alert(11)> piégé',
  text: 'Bonjour <script>alert(12)</script> pouvez-vous <img src=x onerror=alert(13)> m’aider ?',
  handle: '<img src=x onerror=alert(14)>',
  name: '<script>alert(15)</script>Mallory',
  url: 'javascript:alert(16)',
};

describe('identity in Chromium', () => {
  let vigie: TestVigie;
  let browser: TestBrowser;
  let page: Page;
  let api: VigieClient;
  /** Its confirm() questions are accepted (and kept in `problems.confirms`). */
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBuilt();
    // A first start: no account at all, as after `vigie serve` on an empty folder.
    [vigie, browser] = await Promise.all([startVigie({ setup: false }), launchBrowser('fr-FR')]);
    ({ page, problems } = await openPage(browser.context, { confirm: 'accept' }));
  });

  afterEach(() => problems.expectNone());

  /** A private message stored directly (no ingest, no sanitiser) and triaged into the inbox. */
  async function seedMessage(externalId: string, fields: { author: { handle: string; name?: string; url?: string }; text: string; title?: string; url?: string }): Promise<void> {
    await vigie.vigie.store.mentions.upsertMany(vigie.workspaceId, [
      { connector: 'rss', externalId, publishedAt: new Date(Date.now() - 3_600_000).toISOString(), engagement: {}, kind: 'message', raw: {}, analysis: {}, queryIds: [], topicIds: [], ...fields },
    ]);
    const stored = (await vigie.vigie.store.mentions.list(vigie.workspaceId, {}, { limit: 50 })).items.find((m) => m.externalId === externalId);
    if (stored === undefined) throw new Error('the mention was not stored');
    await vigie.vigie.inbox.ingest(stored);
  }

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('sends a visitor to the sign-in page, then creates the owner through the setup link and lands on the dashboard', async () => {
    await page.goto(vigie.url);
    await page.getByRole('heading', { level: 1, name: 'Connexion à Vigie' }).waitFor();
    await page.getByText('Ce Vigie n’a pas encore de compte').waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigation principale' }).count()).toBe(0);

    await page.goto(`${vigie.url}/#/setup?token=${await createSetupToken(vigie.vigie)}`);
    await page.getByRole('heading', { level: 1, name: 'Premier démarrage : créez le compte propriétaire' }).waitFor();
    await page.getByLabel('Votre nom').fill(OWNER.name);
    await page.getByLabel('Adresse e-mail').fill(OWNER.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(OWNER.password);
    await page.getByLabel('Répétez le mot de passe').fill('pas le même mot de passe');
    await page.getByRole('button', { name: 'Créer le compte' }).click();
    await page.getByText('Les deux mots de passe diffèrent.').waitFor();
    await page.getByLabel('Répétez le mot de passe').fill(OWNER.password);
    await page.getByRole('button', { name: 'Créer le compte' }).click();

    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    expect(page.url()).toBe(`${vigie.url}/#/`);
    await page.getByText(OWNER.name).first().waitFor();
    await page.screenshot({ path: '/tmp/vigie-after-setup.png' });

    vigie.token = await createApiToken(vigie.vigie, vigie.workspaceId, 'owner');
    api = createClient({ baseUrl: vigie.url, token: vigie.token });
    expect((await api.members.list()).map((m) => [m.email, m.role])).toEqual([[OWNER.email, 'owner']]);
  });

  it('signs out to the sign-in page, says how long a locked e-mail waits, refuses a wrong password in words, and signs in again', async () => {
    await page.locator('.user-menu summary').click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion à Vigie' }).waitFor();
    // The cookie is gone: the API refuses the page too.
    expect(await page.evaluate(async () => (await fetch('/api/topics')).status)).toBe(401);

    // Five failures lock an e-mail, existing or not; the page says how long to wait.
    for (let i = 0; i < 5; i += 1) {
      await browser.context.request.post(`${vigie.url}/api/auth/login`, { data: { email: 'personne@vigie.test', password: `essai-${i}` } });
    }
    await page.getByLabel('Adresse e-mail').fill('personne@vigie.test');
    await page.getByLabel('Mot de passe').fill('encore-un-essai');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText(/^Trop de tentatives : réessayez dans \d+ min\.$/).waitFor();

    await page.getByLabel('Adresse e-mail').fill(OWNER.email);
    await page.getByLabel('Mot de passe').fill('ce-n-est-pas-le-bon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    await page.screenshot({ path: '/tmp/vigie-sign-in-error-fr.png' });

    await page.getByLabel('Mot de passe').fill(OWNER.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
  });

  it('shows markup, scripts and javascript: links of a mention as inert text in the mention list and the inbox', async () => {
    // Stored as-is, past the server's ingest sanitiser: the page must hold on its own.
    await seedMessage('xss-1', { url: XSS.url, author: { handle: XSS.handle, name: XSS.name, url: XSS.url }, title: XSS.title, text: XSS.text });

    await page.goto(`${vigie.url}/#/mentions`);
    const card = page.getByTestId('mention').filter({ hasText: 'Mallory' });
    await card.waitFor();
    expect(await card.locator('h3').textContent()).toBe(XSS.title);
    expect(await card.locator('.mention-text').textContent()).toBe(XSS.text);
    expect(await card.locator('.mention-author').textContent()).toBe(XSS.name);
    expect(await card.getByText(XSS.handle).count()).toBe(1);
    // No link is drawn for a javascript: address.
    expect(await card.locator('a').count()).toBe(0);
    expect(await page.locator('main img, main script, main [onerror]').count()).toBe(0);

    await page.goto(`${vigie.url}/#/inbox`);
    const item = page.getByRole('list', { name: 'Conversations' }).getByRole('button').first();
    await item.waitFor();
    expect(await item.textContent()).toContain(XSS.handle);
    await item.click();
    const detail = page.getByRole('article', { name: 'Conversation' });
    await detail.getByText(XSS.text).waitFor();
    expect(await page.locator('main img, main script, main [onerror]').count()).toBe(0);
    for (const href of await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href.toLowerCase()).not.toContain('alert(16)');
    }
    await page.screenshot({ path: '/tmp/vigie-xss-inbox.png' });
    // No injected script ran (the check after each test also fails on this).
    expect(problems.dialogs).toEqual([]);
  });

  it('lets the owner create an API token shown once, see it in the audit log, set retention and erase an author', async () => {
    await page.goto(`${vigie.url}/#/settings/tokens`);
    await page.getByRole('heading', { name: 'Jetons d’API' }).waitFor();
    await page.getByLabel('Nom', { exact: true }).fill('Export nocturne');
    await page.getByLabel('Rôle').selectOption('analyst');
    await page.getByRole('button', { name: 'Créer un jeton' }).click();
    const created = page.getByTestId('token-created');
    await created.getByText('il ne sera plus jamais affiché').waitFor();
    const secret = (await created.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^vgt_[A-Za-z0-9_-]{43}$/);
    const row = page.getByTestId('token').filter({ hasText: 'Export nocturne' });
    await row.getByText(secret.slice(0, 12)).waitFor();
    expect(await row.textContent()).not.toContain(secret);
    // The secret works, with its role: an analyst token reads but may not configure.
    const tokenApi = createClient({ baseUrl: vigie.url, token: secret });
    expect(await tokenApi.topics.list()).toEqual([]);
    await expect(tokenApi.topics.create({ name: 'Non', kind: 'brand', queries: ['non'] })).rejects.toMatchObject({ status: 403 });
    await page.screenshot({ path: '/tmp/vigie-token-created.png' });

    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    await page.getByTestId('audit-entry').filter({ hasText: 'token.create' }).waitFor();
    await page.getByLabel('Action').selectOption('token.create');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(1);

    await page.getByRole('link', { name: 'Données' }).click();
    await page.getByText('Les mentions sont gardées indéfiniment.').waitFor();
    await page.getByLabel('Garder les mentions (jours)').fill('3');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Au moins 7 jours, ou vide pour tout garder.').waitFor();
    await page.getByLabel('Garder les mentions (jours)').fill('90');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Les mentions de plus de 90 jours sont supprimées chaque jour.').waitFor();
    expect(await api.workspaces.retention()).toEqual({ mentionDays: 90 });
    // The tab's workspace is named in the link (a download sends no header).
    expect(await page.getByRole('link', { name: 'Télécharger l’export' }).getAttribute('href')).toMatch(/^\/api\/workspace\/export\?workspace=\w+$/);

    await page.getByLabel('Identifiant de l’auteur').fill(XSS.handle);
    await page.getByLabel('Réseau (facultatif)').selectOption('rss');
    await page.getByRole('button', { name: 'Effacer' }).click();
    await page.getByText(`Effacé pour ${XSS.handle} : mentions 1, conversations 1.`).waitFor();
    expect(problems.confirms.at(-1)).toBe(`Effacer toutes les mentions et conversations de « ${XSS.handle} » sur RSS ? C’est irréversible.`);
    expect((await api.mentions.list()).items).toEqual([]);
    await page.screenshot({ path: '/tmp/vigie-data-tab.png', fullPage: true });
  });

  it('creates a second workspace from the switcher, works in it, and switches back', async () => {
    await api.topics.create({ name: 'Phare', kind: 'brand', queries: ['phare'] });
    await page.goto(`${vigie.url}/#/settings/topics`);
    await page.getByTestId('topic').filter({ hasText: 'Phare' }).waitFor();
    await page.getByRole('button', { name: '+ Nouvel espace' }).click();
    await page.getByLabel('Nom du nouvel espace').fill('Client Lumière');
    await page.getByRole('button', { name: 'Créer', exact: true }).click();
    await expect.poll(() => page.getByLabel('Espace de travail').evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Client Lumière');
    // A new workspace starts empty; what is created now belongs to it.
    await page.getByText('Aucun sujet pour l’instant').waitFor();
    expect(await page.getByTestId('topic').count()).toBe(0);
    const created = await page.evaluate(async () => {
      const session = (await (await fetch('/api/session')).json()) as { workspace: { name: string; slug: string } };
      return session.workspace;
    });
    expect(created.name).toBe('Client Lumière');

    await page.getByLabel('Espace de travail').selectOption({ label: 'Vigie' });
    await page.getByTestId('topic').filter({ hasText: 'Phare' }).waitFor();
    await api.topics.delete((await api.topics.list())[0]?.id ?? '');

    // Back in the new one: delete it by typing its slug (renaming waits for the store: see the report).
    await page.getByLabel('Espace de travail').selectOption({ label: 'Client Lumière' });
    await page.goto(`${vigie.url}/#/settings/team`);
    const card = page.getByRole('region', { name: 'Espace de travail' });
    await card.getByText('Supprimer cet espace').click();
    const remove = card.getByRole('button', { name: 'Supprimer l’espace' });
    expect(await remove.isDisabled()).toBe(true);
    await card.getByLabel(`Tapez ${created.slug} pour confirmer`).fill(created.slug);
    await remove.click();
    await expect.poll(() => page.getByLabel('Espace de travail').first().evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Vigie');
    expect((await api.workspaces.list()).map((w) => w.name)).toEqual(['Vigie']);
  });

  it('gives an analyst no edit, delete or reply controls, and the server refuses a forced request', async () => {
    const { inviteUrl } = await api.members.add({ email: ANALYST.email, role: 'analyst', name: ANALYST.name });
    expect(inviteUrl).toContain('#/invite?token=');
    const topic = await api.topics.create({ name: 'Lanterne', kind: 'brand', queries: ['lanterne'] });
    await seedMessage('question-1', { author: { handle: '@client' }, text: 'Livrez-vous à Lyon ?' });

    await page.locator('.user-menu summary').click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion à Vigie' }).waitFor();
    // The invitation link as the analyst receives it, on this server.
    const inviteToken = new URLSearchParams((inviteUrl ?? '').split('#/invite?')[1]).get('token');
    await page.goto(`${vigie.url}/#/invite?token=${inviteToken}`);
    await page.getByText(`Vous avez été invité·e en tant que ${ANALYST.email}`).waitFor();
    await page.getByLabel('Votre nom').fill(ANALYST.name);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ANALYST.password);
    await page.getByLabel('Répétez le mot de passe').fill(ANALYST.password);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();

    await page.goto(`${vigie.url}/#/settings/topics`);
    await page.getByTestId('topic').filter({ hasText: 'Lanterne' }).waitFor();
    expect(await page.getByRole('button', { name: 'Nouveau sujet' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Modifier' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Supprimer' }).count()).toBe(0);
    expect(await page.getByRole('checkbox').first().isDisabled()).toBe(true);
    // Tabs an analyst cannot use are not offered.
    expect(await page.getByRole('link', { name: 'Jetons d’API' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Équipe' }).click();
    await page.getByTestId('member').filter({ hasText: ANALYST.email }).waitFor();
    expect(await page.getByRole('button', { name: 'Inviter' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Retirer' }).count()).toBe(0);

    await page.goto(`${vigie.url}/#/inbox`);
    await page.getByRole('list', { name: 'Conversations' }).getByRole('button').first().click();
    const detail = page.getByRole('article', { name: 'Conversation' });
    await detail.waitFor();
    expect(await detail.getByRole('textbox').count()).toBe(0);
    expect(await detail.getByRole('button', { name: /Clore|Ignorer|Vérifier et envoyer/ }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/vigie-analyst-inbox.png' });

    // Forcing it anyway: a well-formed request with the session's own CSRF token is still refused.
    const forced = await page.evaluate(async (topicId) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string; role: string };
      const response = await fetch(`/api/topics/${topicId}`, { method: 'DELETE', headers: { 'x-csrf-token': session.csrfToken } });
      return { role: session.role, status: response.status, body: (await response.json()) as { error: { code: string } } };
    }, topic.id);
    expect(forced).toMatchObject({ role: 'analyst', status: 403, body: { error: { code: 'forbidden' } } });
    expect((await api.topics.list()).map((t) => t.name)).toEqual(['Lanterne']);
  });
});
