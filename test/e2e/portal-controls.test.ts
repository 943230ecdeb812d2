import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { waitForMails } from '../support/mailbox.ts';
import { pdfText } from '../support/pdf-text.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';
import { heading, portalTab, portalUrl, signInInBrowser } from '../support/portal-browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the portal pages’ other controls', () => {
  it('declines an estimate with a reason, reads the statement from the menu, and signs out', async () => {
    const { org, api, contact } = await portalSetup();
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const { page, failures } = await portalTab(browser);
    await signInInBrowser(page, org.portalName, contact.persons[0]!.email, CHOSEN_PASSWORD);

    await page.click(`text=${estimate.number}`);
    await page.click('#start-decline');
    await page.fill('#reason', 'Over our budget');
    await page.click('#decline button');
    await page.locator('#status', { hasText: 'Declined' }).waitFor();
    const staffView = (await api.get(`/v1/orgs/${org.id}/estimates/${estimate.id}`)).body;
    expect([staffView.status, staffView.declineReason]).toEqual(['declined', 'Over our budget']);

    await page.click('nav >> text=Statement');
    await page.waitForURL(`**/p/${org.portalName}/statement`);
    await heading(page, 'Statement of account');
    await expect(page.locator('#statement-lines tbody').textContent()).resolves.toContain(invoice.number);
    await page.fill('#from', '2020-01-01');
    await page.click('text=Show');
    await page.waitForURL(`**/p/${org.portalName}/statement?*from=2020-01-01*`);
    await expect(page.locator('#statement-lines tbody').textContent()).resolves.toContain(invoice.number);
    // The PDF of the period and currency shown, with the invoice on it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#statement-pdf')]);
    expect(download.suggestedFilename()).toMatch(/^statement-EUR-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain(invoice.number);

    await page.click('nav >> text=Documents');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    await page.click('#sign-out');
    await heading(page, 'Sign in to the client portal');
    await page.goto(portalUrl(org.portalName, 'documents'));
    await heading(page, 'Sign in to the client portal');
    expect(failures).toEqual([]);
  });

  it('resets a forgotten password: a code by email, resent, then a new password, and back to sign-in', async () => {
    const { org, contact } = await portalSetup();
    const email = contact.persons[0]!.email;
    const { page, failures } = await portalTab(browser);
    await page.goto(portalUrl(org.portalName));
    await page.click('text=Forgot your password?');
    await heading(page, 'Reset your password');
    await page.fill('#email', email);
    await page.click('text=Email me a code');
    await heading(page, 'Enter the code we emailed you');
    await page.click('text=Send the code again');
    await page.locator('.notice', { hasText: 'A new code is on its way.' }).waitFor();
    // Two codes asked for: the newest works.
    const mails = await waitForMails(email, 2, 45_000, (mail) => mail.subject === 'Your verification code');
    const code = /code is (\S+)/.exec(mails.at(-1)!.body.text!)![1]!;
    await page.fill('#code', code);
    await page.fill('#password', 'short');
    await page.fill('#confirm', 'other');
    await page.click('text=Set new password');
    await page.locator('[role=alert]', { hasText: 'The two passwords differ.' }).waitFor();
    await page.fill('#password', 'New-Password-42!');
    await page.fill('#confirm', 'New-Password-42!');
    await page.click('text=Set new password');
    await heading(page, 'Your password was changed.');
    await page.click('text=Sign in with it');
    await signInInBrowser(page, org.portalName, email, 'New-Password-42!');
    expect(failures).toEqual([]);
  });

  it('shows the account: name and email, sign-in history, and signs out everywhere', async () => {
    const { org, contact } = await portalSetup();
    const person = contact.persons[0]!;
    const { page, failures } = await portalTab(browser);
    await signInInBrowser(page, org.portalName, person.email, CHOSEN_PASSWORD);
    await page.click('nav >> text=Account');
    await heading(page, 'Your account');
    await expect(page.locator('#person-email').textContent()).resolves.toBe(person.email);
    await expect(page.locator('#sign-ins tbody tr').first().textContent()).resolves.toContain('Signed in');
    await page.click('#change-password');
    await page.waitForURL(`**/p/${org.portalName}/reset-password?email=*`);
    await expect(page.locator('#email').inputValue()).resolves.toBe(person.email);
    await page.goBack();
    await heading(page, 'Your account');
    await page.click('#sign-out-everywhere button');
    await heading(page, 'Sign in to the client portal');
    expect(failures).toEqual([]);
  });
});
