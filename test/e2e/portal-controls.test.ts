import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, portalName: string, email: string, password: string) {
  await page.goto(`${local().apiUrl}/p/${portalName}`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(`**/p/${portalName}/documents`);
}

describe('the portal pages’ other controls', () => {
  it('declines an estimate with a reason, reads the statement from the menu, and signs out', async () => {
    const { org, api, contact } = await portalSetup();
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const page = await browser.newPage();
    await signIn(page, org.portalName, contact.persons[0]!.email, CHOSEN_PASSWORD);

    await page.click(`text=${estimate.number}`);
    page.once('dialog', (dialog) => void dialog.accept('Over our budget'));
    await page.click('text=Decline');
    await page.locator('h1', { hasText: `${estimate.number} declined` }).waitFor();
    const staffView = (await api.get(`/v1/orgs/${org.id}/estimates/${estimate.id}`)).body;
    expect([staffView.status, staffView.declineReason]).toEqual(['declined', 'Over our budget']);

    await page.click('nav >> text=Statement');
    await page.waitForURL(`**/p/${org.portalName}/statement`);
    await page.locator('h1', { hasText: 'Statement of account' }).waitFor();
    await expect(page.locator('tbody').textContent()).resolves.toContain(invoice.number);

    await page.click('nav >> text=Documents');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    await page.click('#sign-out');
    await page.locator('h1', { hasText: 'Sign in to the client portal' }).waitFor();
    await page.goto(`${local().apiUrl}/p/${org.portalName}/documents`);
    await page.locator('h1', { hasText: 'Sign in to the client portal' }).waitFor();
  });
});
