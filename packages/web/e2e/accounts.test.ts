/**
 * Settings › Accounts in Chromium (French): an account whose token the network refuses shows why
 * and that its sources are stopped; a new token re-authorises it; the source form offers the
 * account instead of asking for the token again.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type VigieClient } from '@vigie/client';
import { startInstance } from '../../server/src/test/mastodon-instance';
import { ensureWebBuilt, launchBrowser, openPage, startVigie, type PageProblems, type TestBrowser, type TestVigie } from './vigie-harness';

describe('Settings › Accounts', () => {
  let vigie: TestVigie;
  let instance: Awaited<ReturnType<typeof startInstance>>;
  let browser: TestBrowser;
  let page: Page;
  let client: VigieClient;
  let problems: PageProblems;
  let accountId = '';

  beforeAll(async () => {
    ensureWebBuilt();
    [vigie, instance, browser] = await Promise.all([startVigie(), startInstance(), launchBrowser('fr-FR')]);
    client = createClient({ baseUrl: vigie.url, token: vigie.token });
    ({ page, problems } = await openPage(browser.context, { signIn: vigie }));
  });

  afterEach(() => problems.expectNone());

  afterAll(async () => {
    await browser?.close();
    await Promise.all([vigie?.close(), instance?.close()]);
  });

  it('shows why an account stopped and re-authorises it with a new token', async () => {
    const account = await client.accounts.create({ connector: 'mastodon', name: 'Piaille de la marque', config: { instance: instance.origin, token: 'jeton-expire-1' } });
    accountId = account.id;
    const source = await client.sources.create({ connector: 'mastodon', accountId: account.id, config: { instance: instance.origin, hashtag: 'vigie' } });
    const fetched = await client.sources.fetch(source.id);
    expect(fetched.error?.code).toBe('auth_expired');

    await page.goto(`${vigie.url}/#/settings/accounts`);
    const row = page.getByRole('listitem', { name: 'Piaille de la marque' });
    await row.getByText('À ré-autoriser').waitFor();
    await row.getByText('Sa source (1) est arrêtée', { exact: false }).waitFor();
    // The network's reason, as the account records it.
    const reason = (await client.accounts.get(account.id)).statusReason ?? '';
    expect(reason).not.toBe('');
    await row.getByText(reason, { exact: false }).waitFor();
    await page.screenshot({ path: '/tmp/vigie-accounts-needs-reauth.png', fullPage: true });

    await row.getByLabel('Nouveau jeton').fill('good-token-123');
    await row.getByRole('button', { name: 'Ré-autoriser' }).click();
    await row.getByText('Fonctionne', { exact: true }).waitFor();
    expect((await client.accounts.get(account.id)).status).toBe('ok');
    expect((await client.sources.fetch(source.id)).error).toBeUndefined();
  });

  it('lets a new source use the account instead of asking for the token again', async () => {
    await page.goto(`${vigie.url}/#/settings/sources`);
    const form = page.getByRole('form', { name: 'Ajouter une source' });
    await form.getByLabel('Réseau').selectOption('mastodon');
    await form.getByLabel('Jeton d’accès (secret)').waitFor();
    await form.getByRole('combobox', { name: /^Compte/ }).selectOption(accountId);
    // The account gives the token and the instance: neither is asked again, nor copied into the source.
    await expect.poll(() => form.getByLabel('Jeton d’accès (secret)').count()).toBe(0);
    await expect.poll(() => form.getByLabel('Instance').count()).toBe(0);
    await form.getByRole('textbox', { name: 'Mot-dièse (sans #)' }).fill('marque');
    await form.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect.poll(async () => (await client.sources.list()).find((s) => s.accountId !== undefined && s.config.hashtag === 'marque')?.config).toEqual({ hashtag: 'marque' });
    await page.screenshot({ path: '/tmp/vigie-source-with-account.png', fullPage: true });
  });
});
