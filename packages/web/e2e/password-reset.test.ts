/**
 * "Forgot password" in Chromium, in English: the request says the same thing whoever asks, the
 * e-mailed link sets a new password, the old one stops working and the new one signs in.
 */
import type { Page } from 'playwright-core';
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt, launchBrowser, openPage, OWNER, startVigie, type PageProblems, type TestBrowser, type TestVigie } from './vigie-harness';

describe('password reset in Chromium', () => {
  let vigie: TestVigie;
  let browser: TestBrowser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ensureWebBuilt();
    [vigie, browser] = await Promise.all([startVigie(), launchBrowser('en-US')]);
    ({ page, problems } = await openPage(browser.context));
  });

  afterEach(() => problems.expectNone());

  afterAll(async () => {
    await browser?.close();
    await vigie?.close();
  });

  it('asks for a link, sets a new password from it, signs in with the new one only, then changes it from the account page', async () => {
    await page.goto(vigie.url);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Vigie' }).waitFor();
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByLabel('E-mail').fill(OWNER.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('If an account uses this e-mail, a link is on its way.').waitFor();

    // The link the e-mail would carry (no SMTP here): a reset token for the owner, put in the store.
    const owner = await vigie.vigie.store.users.getByEmail(OWNER.email);
    const token = randomBytes(32).toString('base64url');
    const at = Date.now();
    await vigie.vigie.store.oneTimeTokens.create(createHash('sha256').update(token).digest('hex'), {
      kind: 'password_reset',
      userId: owner?.id,
      email: OWNER.email,
      createdAt: new Date(at).toISOString(),
      expiresAt: new Date(at + 3_600_000).toISOString(),
    });
    const fresh = 'un-nouveau-phare-sur-la-cote';
    await page.goto(`${vigie.url}/#/reset?token=${token}`);
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('court');
    await page.getByLabel('Repeat the password').fill('court');
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('The password needs at least 12 characters.').waitFor();
    await page.getByLabel('New password', { exact: true }).fill(fresh);
    await page.getByLabel('Repeat the password').fill(fresh);
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('Password changed. You can now sign in with it.').waitFor();

    // The same link a second time is refused in words.
    await page.goto(`${vigie.url}/#/`);
    await page.goto(`${vigie.url}/#/reset?token=${token}`);
    await page.getByLabel('New password', { exact: true }).fill(`${fresh}-bis`);
    await page.getByLabel('Repeat the password').fill(`${fresh}-bis`);
    await page.getByRole('button', { name: 'Save the password' }).click();
    await page.getByText('This link is invalid, already used or expired. Ask for a new one.').waitFor();

    await page.goto(`${vigie.url}/#/`);
    await page.getByLabel('E-mail').fill(OWNER.email);
    await page.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong e-mail or password.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill(fresh);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // Changing it again from the account menu: the current password is checked first.
    await page.locator('.user-menu summary').click();
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.locator('.user-menu').getAttribute('open')).toBeNull();
    await page.getByLabel('Current password').fill('pas-le-mot-de-passe-actuel');
    await page.getByLabel('New password', { exact: true }).fill('troisieme-phare-du-matin');
    await page.getByLabel('Repeat the password').fill('troisieme-phare-du-matin');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The current password is wrong').waitFor();
    await page.getByLabel('Current password').fill(fresh);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Password changed. Your other sessions were signed out.').waitFor();
    // This session survives the change (it is rotated, not ended).
    await page.goto(`${vigie.url}/#/settings/topics`);
    await page.getByRole('button', { name: 'New topic' }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/session')).status)).toBe(200);
  });
});
