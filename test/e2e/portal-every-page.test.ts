import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../functions/core/i18n/languages.ts';
import { launchBrowser } from '../support/browser.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';
import { DESKTOP, expectAccessibleAndFitting, PHONE, portalTab, portalUrl, withSession } from '../support/portal-browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Each page loads once; then every language (the switch re-renders in place) at both widths is checked. */
async function checkEveryLanguageAndWidth(page: Page, name: string, ready: string) {
  await page.locator(ready).first().waitFor();
  for (const language of LANGUAGES) {
    await page.selectOption('#language', language);
    await page.locator(`html[lang=${language}]`).waitFor();
    await page.locator(ready).first().waitFor();
    for (const viewport of [PHONE, DESKTOP]) {
      await page.setViewportSize(viewport);
      await expectAccessibleAndFitting(page, `${name} ${language} ${viewport.width}px`);
    }
  }
  // Back in English, and rendered so, before the caller reads the page's title.
  await page.selectOption('#language', 'en');
  await page.locator('html[lang=en]').waitFor();
  await page.locator(ready).first().waitFor();
  // The tab's title follows the page's heading once the page has rendered.
  await page.waitForFunction(() => {
    const heading = document.querySelector('h1')?.textContent;
    return !heading || document.title.startsWith(heading);
  });
}

describe('every portal page, in every language, on a phone and a desktop', () => {
  it('has no accessibility violations, no horizontal scrolling, and a title of its own', { timeout: 180_000 }, async () => {
    const { org, api, contact } = await portalSetup();
    const email = contact.persons[0]!.email;
    await api.put(`/v1/orgs/${org.id}/portal`, { mfa: 'optional' });
    await api.patch(`/v1/orgs/${org.id}`, { offlinePaymentInstructions: 'Bank transfer to IBAN DE89 3704 0044 0532 0130 00\nQuote the invoice number.' });
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, {
      lines: [
        { description: 'Website redesign with a rather long description that has to wrap on a phone', quantity: 1, unitPrice: 150000, taxRate: 19 },
        { description: 'Hosting (months)', quantity: 12, unitPrice: 2500, taxRate: 19, discount: 10 },
        { description: 'Books', quantity: 3, unitPrice: 1999, taxRate: 7 },
      ],
      notes: 'Thank you for your business.',
      terms: 'Payable within 30 days.',
    });
    await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, { amount: 50000, method: 'bank_transfer', reference: 'REF-1' });
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);

    const signedOut = [
      { name: 'sign-in', path: '', ready: '#email' },
      { name: 'reset-password', path: 'reset-password', ready: '#email' },
      { name: 'invitation', path: 'invitation', ready: 'main h1' },
      { name: 'session-expired', path: 'session-expired', ready: '#session-expired' },
      { name: 'not-found', path: 'no-such-page', ready: '#not-found' },
    ];
    const signedInPages = [
      { name: 'documents', path: 'documents', ready: '#documents' },
      { name: 'invoice', path: `documents/${invoice.id}`, ready: '#payments' },
      { name: 'estimate', path: `documents/${estimate.id}`, ready: '#accept' },
      { name: 'statement', path: 'statement', ready: '#aging' },
      { name: 'account', path: 'account', ready: '#sign-ins' },
      { name: 'payment-cancel', path: 'payments/cancel', ready: '#payment-status' },
      { name: 'payment-return', path: 'payments/return?session_id=cs_test_unknown', ready: '#payment-status' },
      { name: 'not-found (signed in)', path: 'statment', ready: '#not-found' },
    ];
    const titles = new Map<string, string>();

    const outside = await portalTab(browser);
    for (const each of signedOut) {
      await outside.page.goto(portalUrl(org.portalName, each.path));
      await checkEveryLanguageAndWidth(outside.page, each.name, each.ready);
      titles.set(each.name, await outside.page.title());
      // Signed out, the header has no menu to show or to tab to.
      expect(await outside.page.locator('header nav').count()).toBe(0);
    }

    const inside = await portalTab(browser);
    await withSession(inside.context, org.portalName, email, CHOSEN_PASSWORD);
    for (const each of signedInPages) {
      await inside.page.goto(portalUrl(org.portalName, each.path));
      await checkEveryLanguageAndWidth(inside.page, each.name, each.ready);
      titles.set(each.name, await inside.page.title());
    }

    const pageTitles = [...titles].filter(([name]) => !name.startsWith('not-found'));
    expect(new Set(pageTitles.map(([, title]) => title)).size).toBe(pageTitles.length);
    expect(titles.get('invoice')).toBe(`Invoice ${invoice.number} · ${org.name}`);
    expect([...outside.failures, ...inside.failures]).toEqual([]);
    await outside.context.close();
    await inside.context.close();
  });

  it('fits a 320 px screen with every table as stacked cards', async () => {
    const { org, api, contact } = await portalSetup();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const { context, page } = await portalTab(browser, { viewport: { width: 320, height: 640 } });
    await withSession(context, org.portalName, contact.persons[0]!.email, CHOSEN_PASSWORD);
    for (const [path, ready] of [
      ['documents', '#documents'],
      [`documents/${invoice.id}`, '#lines'],
      ['statement', '#aging'],
      ['account', '#sign-ins'],
    ] as const) {
      await page.goto(portalUrl(org.portalName, path));
      await page.locator(ready).waitFor();
      const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(scrollWidth, path).toBeLessThanOrEqual(innerWidth!);
    }
    await context.close();
  });

  it('follows the browser’s language on the sign-in page, with a switch that is remembered', async () => {
    const { org } = await portalSetup();
    const { context, page } = await portalTab(browser, { locale: 'de-DE' });
    await page.goto(portalUrl(org.portalName));
    await page.locator('h1', { hasText: 'Beim Kundenportal anmelden' }).waitFor();
    await expect(page.locator('#password-hint, .hint').count()).resolves.toBe(0);
    await page.selectOption('#language', 'fr');
    await page.locator('h1', { hasText: 'Connexion au portail client' }).waitFor();
    await page.reload();
    await page.locator('h1', { hasText: 'Connexion au portail client' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await context.close();
  });
});
