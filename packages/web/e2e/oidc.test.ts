/**
 * Single sign-on in Chromium: with an OIDC provider set up, the sign-in page offers "Se connecter
 * avec <name>"; one click goes to the provider and back signed in; a refusal comes back to the
 * sign-in page with its reason in plain words.
 */
import type { Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { startTestIssuer } from '../../server/src/security/oidc-test-issuer';
import { ensureWebBuilt, launchBrowser, openPage, type PageProblems, type TestBrowser } from './vigie-harness';

const CLIENT = { id: 'vigie-e2e', secret: 'e2e-client-secret' };
const webDistDir = fileURLToPath(new URL('../dist', import.meta.url));

describe('OIDC sign-in in Chromium', () => {
  let issuer: Awaited<ReturnType<typeof startTestIssuer>>;
  let running: Awaited<ReturnType<typeof import('@vigie/server').startServer>>;
  let browser: TestBrowser;
  let page: Page;
  let problems: PageProblems;
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-oidc-'));

  beforeAll(async () => {
    ensureWebBuilt();
    issuer = await startTestIssuer(CLIENT);
    running = await (await import('@vigie/server')).startServer({
      dataDir, port: 0, demo: false, allowPrivateUrls: true, webDir: webDistDir, worker: false, logLevel: 'warn',
      oidc: { issuer: issuer.issuer, clientId: CLIENT.id, clientSecret: CLIENT.secret, name: 'Velotys SSO', autoCreate: false },
    });
    const workspace = await running.vigie.store.workspaces.getBySlug('default');
    const user = await running.vigie.store.users.create({ email: 'elise@velotys.example', name: 'Élise Martin', locale: 'fr' });
    await running.vigie.store.memberships.set(workspace?.id ?? '', user.id, 'owner');
    browser = await launchBrowser('fr-FR');
    ({ page, problems } = await openPage(browser.context));
  });
  afterEach(() => problems.expectNone());
  afterAll(async () => {
    await browser.close();
    await running.close();
    await issuer.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an e-mail Vigie does not know, and says what to do', async () => {
    issuer.control.person = { sub: 'x', email: 'inconnu@ailleurs.example', email_verified: true };
    await page.goto(`${running.url}/`);
    await page.getByRole('link', { name: 'Se connecter avec Velotys SSO' }).click();
    await page.getByRole('alert').getByText('Aucun compte Vigie n’utilise cette adresse e-mail. Demandez une invitation à un propriétaire de l’espace.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Connexion à Vigie' }).waitFor();
  });

  it('signs in with one click when the provider vouches for a known e-mail', async () => {
    issuer.control.person = { sub: 'elise', email: 'elise@velotys.example', email_verified: true };
    await page.getByRole('link', { name: 'Se connecter avec Velotys SSO' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.getByText('Élise Martin').first().waitFor();
  });
});
