import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { waitForMails } from '../support/mailbox.ts';
import { connectedOrganization, enableOnlinePayments } from '../support/online-payments.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** An organization taking online payments, a signed-in portal person in a browser tab, three sent invoices of 119.00. */
async function payingInBrowser() {
  const setup = await portalSetup();
  await connectedOrganization(setup.api, setup.org.id);
  await enableOnlinePayments(setup.api, setup.org.id);
  const invoices = [];
  for (const days of [10, 20, 30])
    invoices.push(
      await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id, {
        dueDate: new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10),
      }),
    );
  const page = await browser.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(`${local().apiUrl}/p/${setup.org.portalName}`);
  await page.fill('#email', setup.contact.persons[0]!.email);
  await page.fill('#password', CHOSEN_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL(`**/p/${setup.org.portalName}/documents`);
  return { ...setup, invoices, page, failures };
}

/** Pays on the double's checkout page and waits to be sent back to the portal's return page. */
async function payAtStripe(page: Page, portalName: string) {
  await page.waitForURL('**/c/pay/*');
  await page.click('button[value=card]');
  await page.waitForURL(`**/p/${portalName}/payments/return?session_id=*`);
}

const paymentStatus = (page: Page) => page.locator('#payment-status');

describe('paying online in the portal', () => {
  it('pays one invoice with its Pay button, then two with "Pay selected"', async () => {
    const { org, invoices, page, failures } = await payingInBrowser();
    const [first, second, third] = invoices;

    await page.click(`text=${first.number}`);
    await page.locator('#pay', { hasText: 'Pay' }).click();
    await payAtStripe(page, org.portalName);
    await paymentStatus(page).locator('li', { hasText: first.number }).waitFor();
    expect(await paymentStatus(page).getAttribute('data-status')).toMatch(/^(processing|paid)$/);

    await page.goto(`${local().apiUrl}/p/${org.portalName}/documents`);
    await page.check(`input[data-doc="${second.id}"]`);
    await page.check(`input[data-doc="${third.id}"]`);
    await expect(page.locator('#selected-total').textContent()).resolves.toMatch(/^Selected: .*238\.00/);
    await page.click('#pay-selected');
    await payAtStripe(page, org.portalName);
    await paymentStatus(page).locator('li', { hasText: third.number }).waitFor();
    await expect(paymentStatus(page).locator('li').allTextContents()).resolves.toEqual([
      expect.stringContaining(second.number),
      expect.stringContaining(third.number),
    ]);
    expect(failures).toEqual([]);
  });

  it('shows "payment received" once the webhook applied it, the invoices paid in the list, and receipts in the mailbox', async () => {
    const { org, contact, invoices, page } = await payingInBrowser();
    const [first, second, third] = invoices;
    await page.click(`text=${first.number}`);
    await page.click('#pay');
    await payAtStripe(page, org.portalName);
    await paymentStatus(page).locator('h1', { hasText: 'Payment received' }).waitFor({ timeout: 15_000 });

    await page.goto(`${local().apiUrl}/p/${org.portalName}/documents`);
    await page.check(`input[data-doc="${second.id}"]`);
    await page.check(`input[data-doc="${third.id}"]`);
    await page.click('#pay-selected');
    await payAtStripe(page, org.portalName);
    await paymentStatus(page).locator('h1', { hasText: 'Payment received' }).waitFor({ timeout: 15_000 });

    await page.goto(`${local().apiUrl}/p/${org.portalName}/documents`);
    for (const invoice of invoices) await page.locator('tr', { hasText: invoice.number }).locator('.status', { hasText: 'paid' }).waitFor();
    expect(await waitForMails(contact.persons[0]!.email, 3, 15_000, (mail) => /receipt|payment/i.test(mail.subject))).toHaveLength(3);
  });

  it('hides Pay with an explanation while online payments are off, and shows the cancel page', async () => {
    const { api, org, invoices, page } = await payingInBrowser();
    await api.patch(`/v1/orgs/${org.id}`, { onlinePayments: { enabled: false } });
    await page.goto(`${local().apiUrl}/p/${org.portalName}/documents/${invoices[0].id}`);
    await expect(page.locator('#pay-unavailable').textContent()).resolves.toContain('does not take online payments');
    expect(await page.locator('#pay').count()).toBe(0);
    await page.goto(`${local().apiUrl}/p/${org.portalName}/documents`);
    await page.locator('h1', { hasText: 'Your documents' }).waitFor();
    expect(await page.locator('#pay-selected').count()).toBe(0);

    await page.goto(`${local().apiUrl}/p/${org.portalName}/payments/cancel?session_id=cs_test_x`);
    await expect(paymentStatus(page).locator('h1').textContent()).resolves.toBe('Payment cancelled');
  });
});
