import { createClient } from '@vigie/client';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, openPage, startVigie, type PageProblems, type TestBrowser, type TestVigie } from './vigie-harness';

describe('alerts in Chromium', () => {
  let vigie: TestVigie;
  let browser: TestBrowser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBuilt();
    [vigie, browser] = await Promise.all([startVigie(), launchBrowser('fr-FR')]);
    ({ page, problems } = await openPage(browser.context, { signIn: vigie }));
    await createClient({ baseUrl: vigie.url, token: vigie.token }).topics.create({ name: 'Velotys Ondine', kind: 'product', queries: ['ondine'] });
  });

  afterEach(() => problems.expectNone());

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('creates a rule in French (an impossible setting is refused with its field), then reads the area in English', async () => {
    await page.goto(`${vigie.url}/#/alerts`);
    await page.getByRole('heading', { level: 1, name: 'Alertes' }).waitFor();
    await page.getByText('Aucun épisode pour l’instant.').waitFor();

    await page.getByRole('link', { name: 'Règles' }).click();
    await page.getByRole('button', { name: 'Nouvelle règle' }).click();
    const form = page.getByRole('form', { name: 'Règle d’alerte' });
    await form.getByLabel('Nom').fill('Ondine — crise');
    await form.getByLabel('Délai de grâce (minutes)').fill('-5');
    await form.getByLabel('E-mail', { exact: true }).check();
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('cooldownMinutes');
    expect(await refusal.textContent()).toContain('recipients');

    await form.getByLabel('Délai de grâce (minutes)').fill('30');
    await form.getByLabel('Destinataires e-mail').fill('cm@velotys.example');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    const rule = page.getByRole('list', { name: 'Règles d’alerte' }).getByRole('listitem').first();
    await expect.poll(() => rule.textContent()).toContain('Ondine — crise');
    expect(await rule.textContent()).toContain('délai de grâce 30 min');
    await page.screenshot({ path: '/tmp/vigie-alerts-rules-fr.png' });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    const ruleEn = page.getByRole('list', { name: 'Alert rules' }).getByRole('listitem').first();
    expect(await ruleEn.textContent()).toContain('cooldown 30 min');
    expect(await ruleEn.textContent()).toContain('Volume spike');
  });
}, 120_000);
