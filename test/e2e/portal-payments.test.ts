import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { waitForMails } from '../support/mailbox.ts';
import { connectedOrganization, enableOnlinePayments } from '../support/online-payments.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';
import { portalTab, portalUrl, signInInBrowser } from '../support/portal-browser.ts';

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
  await enableOnlinePayments(setup.api, setup.org.id, { allowPartial: true });
  const invoices = [];
  for (const days of [10, 20, 30])
    invoices.push(
      await sentDocument(setup.api, setup.org.id, 'invoices', setup.contact.id, {
        dueDate: new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10),
      }),
    );
  const { page, failures } = await portalTab(browser);
  await signInInBrowser(page, setup.org.portalName, setup.contact.persons[0]!.email, CHOSEN_PASSWORD);
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
    // The amount is money in the field, and a refusal says so in money too.
    await expect(page.locator('#pay-amount').inputValue()).resolves.toBe('119.00');
    await page.fill('#pay-amount', '0');
    await page.click('#pay');
    await page.locator('[role=alert]', { hasText: 'Enter an amount greater than zero.' }).waitFor();
    await page.fill('#pay-amount', '500');
    await page.click('#pay');
    await page.locator('[role=alert]', { hasText: 'Amount: it is more than the balance of €119.00.' }).waitFor();
    await page.fill('#pay-amount', '119.00');
    await page.click('#pay');
    await payAtStripe(page, org.portalName);
    await paymentStatus(page).locator('li', { hasText: first.number }).waitFor();
    expect(await paymentStatus(page).getAttribute('data-status')).toMatch(/^(processing|paid)$/);

    await page.goto(portalUrl(org.portalName, 'documents'));
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

    await page.goto(portalUrl(org.portalName, 'documents'));
    await page.check(`input[data-doc="${second.id}"]`);
    await page.check(`input[data-doc="${third.id}"]`);
    await page.click('#pay-selected');
    await payAtStripe(page, org.portalName);
    await paymentStatus(page).locator('h1', { hasText: 'Payment received' }).waitFor({ timeout: 15_000 });

    await page.goto(portalUrl(org.portalName, 'documents'));
    for (const invoice of invoices) await page.locator('tr', { hasText: invoice.number }).locator('.status', { hasText: 'Paid' }).waitFor();
    // One receipt per payment, naming every invoice it paid (that no third follows is shown, after a positive signal, in languages-and-branding).
    const receipts = await waitForMails(contact.persons[0]!.email, 2, 15_000, (mail) => /receipt|payment/i.test(mail.subject));
    expect(receipts.map((mail) => mail.subject).sort()).toEqual(
      [`Payment receipt for ${first.number} from Acme Supplies`, `Payment receipt for ${second.number}, ${third.number} from Acme Supplies`].sort(),
    );
    const both = receipts.find((mail) => mail.subject.includes(third.number))!;
    expect(both.body.text).toContain(`Amount received: €238.00\n`);
    expect(both.body.text).toContain(
      `Applied to:\n${second.number}: €119.00 applied, €0.00 still due\n${third.number}: €119.00 applied, €0.00 still due\n\nBalance due: €0.00\n`,
    );
  });

  it('shows how to pay offline while online payments are off, and the cancel page', async () => {
    const { api, org, invoices, page } = await payingInBrowser();
    const instructions = 'Bank transfer to IBAN DE89 3704 0044 0532 0130 00, quoting the invoice number.';
    expect((await api.patch(`/v1/orgs/${org.id}`, { onlinePayments: { enabled: false }, offlinePaymentInstructions: instructions })).status).toBe(200);
    await page.goto(portalUrl(org.portalName, `documents/${invoices[0].id}`));
    await expect(page.locator('#pay-unavailable .instructions').textContent()).resolves.toBe(instructions);
    expect(await page.locator('#pay').count()).toBe(0);
    await page.goto(portalUrl(org.portalName, 'documents'));
    await page.locator('#documents').waitFor();
    expect(await page.locator('#pay-selected').count()).toBe(0);

    await page.goto(portalUrl(org.portalName, 'payments/cancel?session_id=cs_test_x'));
    await expect(paymentStatus(page).locator('h1').textContent()).resolves.toBe('Payment cancelled');
  });
});
