import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../scripts/local/seed.ts';
import { launchBrowser } from '../support/browser.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { pdfText } from '../support/pdf-text.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';
import { portalTab, portalUrl, withSession } from '../support/portal-browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const digits = (text: string) => text.replace(/\D/g, '');

describe('a customer’s documents in the portal', () => {
  it('finds every one of 60 documents in two currencies, and both currencies in the statement', { timeout: 180_000 }, async () => {
    const { org, api, contact } = await portalSetup();
    const numbers: string[] = [];
    for (let index = 0; index < 60; index++)
      numbers.push((await sentDocument(api, org.id, 'invoices', contact.id, { currency: index % 3 === 0 ? 'USD' : 'EUR' })).number);
    const { context, page, failures } = await portalTab(browser);
    await withSession(context, org.portalName, contact.persons[0]!.email, CHOSEN_PASSWORD);
    await page.goto(portalUrl(org.portalName, 'documents'));
    await page.locator('#count', { hasText: 'Showing 25 of 60' }).waitFor();
    await page.click('#load-more button');
    await page.locator('#count', { hasText: 'Showing 50 of 60' }).waitFor();
    await page.click('#load-more button');
    await page.locator('#count', { hasText: 'Showing 60 of 60' }).waitFor();
    expect(await page.locator('#load-more').count()).toBe(0);
    expect((await page.locator('#documents tbody tr td a').allTextContents()).sort()).toEqual([...numbers].sort());
    await expect(page.locator('#balances dt').allTextContents()).resolves.toEqual(['Balance due (EUR)', 'Balance due (USD)']);

    for (const currency of ['EUR', 'USD']) {
      await page.goto(`${portalUrl(org.portalName, 'statement')}?currency=${currency}&from=2000-01-01`);
      await page.locator('#aging').waitFor();
      const closing = (await page.locator('#closing').textContent())!;
      expect(closing, currency).toMatch(currency === 'EUR' ? /€/ : /US\$/);
      expect(Number(digits(closing))).toBeGreaterThan(0);
    }
    expect(failures).toEqual([]);
    await context.close();
  });

  it('shows the demo invoice with the same figures as its PDF: each line, its discount, tax per rate, totals, payments and terms', async () => {
    const { org, api, contact, base, tokens } = await portalSetup();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, demo.invoice);
    await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, demo.payment);
    const { context, page, failures } = await portalTab(browser);
    await withSession(context, org.portalName, contact.persons[0]!.email, CHOSEN_PASSWORD);
    await page.goto(portalUrl(org.portalName, `documents/${invoice.id}`));
    await page.locator('#payments tbody tr').waitFor();

    const response = await fetch(`${local().apiUrl}${base}/documents/${invoice.id}/pdf`, { headers: { authorization: `Bearer ${tokens[0]}` } });
    expect(response.status).toBe(200);
    const pdfLines = pdfText(Buffer.from(await response.arrayBuffer())).split('\n');
    const pdfFigures = new Set(pdfLines.map(digits).filter(Boolean));

    const lineAmounts = await page.locator('#lines td[data-label=Amount]').allTextContents();
    const discounts = await page.locator('#lines td[data-label=Discount]').allTextContents();
    const totals = await page.locator('#totals dd').allTextContents();
    const taxLabels = await page.locator('#totals dt', { hasText: 'Tax' }).allTextContents();
    expect(discounts).toEqual(['—', '10%', '—']);
    expect(taxLabels.sort()).toEqual(['Reduced rate · Tax 7% on €90.00', 'Tax 19% on €1,770.00']);
    for (const figure of [...lineAmounts, ...totals]) expect(pdfFigures, figure).toContain(digits(figure));
    await expect(page.locator('#terms').textContent()).resolves.toContain(demo.invoice.terms);
    expect(pdfLines.join(' ')).toContain(demo.invoice.terms);
    await expect(page.locator('#payments tbody tr').textContent()).resolves.toMatch(/Bank transfer.*DEMO-1.*€500\.00/);
    expect(failures).toEqual([]);
    await context.close();
  });
});
