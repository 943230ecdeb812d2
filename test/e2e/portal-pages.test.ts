import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { invitationToken, onlyMailTo } from '../support/mailbox.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';
import { heading, portalTab, portalUrl, signInInBrowser } from '../support/portal-browser.ts';
import { newOrganization } from '../support/staff.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the portal in a browser', () => {
  it('takes an invited person from the email link to their documents — open, download, comment, accept — then out and back in', async () => {
    const { org, api } = await newOrganization({ name: 'Acme <b>Supplies</b>', branding: { color: '#0a7d4f' } });
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id] });
    const link = `${portalUrl(org.portalName, 'invitation')}?token=${invitationToken(await onlyMailTo(person.email))}`;
    const invoice = (
      await api.post(`/v1/orgs/${org.id}/invoices`, {
        contactId: contact.id,
        lines: [{ description: 'Website <redesign>', quantity: 1, unitPrice: 150000, taxRate: 19 }],
      })
    ).body;
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/send`)).status).toBe(200);

    const { page, failures } = await portalTab(browser);
    await page.goto(link);
    // The organization's name is shown as text, never as markup.
    await expect(page.locator('.org').textContent()).resolves.toBe('Acme <b>Supplies</b>');
    expect(page.url()).toBe(portalUrl(org.portalName, 'invitation'));
    // The password rules show before the first try.
    await expect(page.locator('#password-hint').textContent()).resolves.toContain('at least 12 characters');
    await page.fill('#password', CHOSEN_PASSWORD);
    await page.fill('#confirm', CHOSEN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    await heading(page, 'Your documents');
    await page.click(`text=${invoice.number}`);
    await page.waitForURL(`**/p/${org.portalName}/documents/${invoice.id}`);
    await heading(page, `Invoice ${invoice.number}`);
    await expect(page.locator('#status').textContent()).resolves.toBe('Viewed');
    await expect(page.locator('#lines .description').first().textContent()).resolves.toBe('Website <redesign>');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe(`${invoice.number}.pdf`);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await page.fill('#comment', 'Could you add the PO number?');
    await page.click('text=Post comment');
    await page.locator('.comment .body', { hasText: 'Could you add the PO number?' }).waitFor();
    const staffView = await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`);
    expect(staffView.body.comments.map((comment: { body: string; author: { type: string } }) => [comment.body, comment.author.type])).toEqual([
      ['Could you add the PO number?', 'portal'],
    ]);

    const estimate = (
      await api.post(`/v1/orgs/${org.id}/estimates`, { contactId: contact.id, lines: [{ description: 'Phase 2', quantity: 10, unitPrice: 9000 }] })
    ).body;
    await api.post(`/v1/orgs/${org.id}/estimates/${estimate.id}/send`);
    await page.goto(portalUrl(org.portalName, `documents/${estimate.id}`));
    await page.click('#accept button');
    await page.locator('#status', { hasText: 'Accepted' }).waitFor();
    expect((await api.get(`/v1/orgs/${org.id}/estimates/${estimate.id}`)).body.status).toBe('accepted');
    // An accepted estimate owes nothing: no balance, no payments.
    await expect(page.locator('#totals').textContent()).resolves.not.toContain('Balance');

    await page.click('#sign-out');
    await page.waitForURL(`**/p/${org.portalName}`);
    expect(await page.locator('header nav').count()).toBe(0);
    await page.fill('#email', person.email);
    await page.fill('#password', 'Wrong-Password-9!');
    await page.click('button[type=submit]');
    await page.locator('[role=alert]', { hasText: 'The email or password is incorrect.' }).waitFor();
    await page.fill('#password', CHOSEN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    expect(failures).toEqual([]);
  });

  it('serves a shell with a nonce-only policy and its script as an immutable asset; the portal’s own 404 for a mistyped page', async () => {
    const { org } = await newOrganization();
    const signIn = await fetch(portalUrl(org.portalName));
    expect(signIn.status).toBe(200);
    const policy = signIn.headers.get('content-security-policy')!;
    expect(policy).toMatch(/^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]+'; style-src 'nonce-[A-Za-z0-9+/=]+'; img-src 'self' data:;/);
    expect(policy).toContain("frame-ancestors 'none'");
    const html = await signIn.text();
    // No inline script: one script element, by address, with the response's nonce.
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![2]).toBe('');
    const [, source] = /src="([^"]+)"/.exec(scripts[0]![1]!)!;
    expect(source).toMatch(/^\/p\/assets\/portal-[0-9a-f]{16}\.js$/);
    const asset = await fetch(`${local().apiUrl}${source}`);
    expect([asset.status, asset.headers.get('cache-control'), asset.headers.get('content-type')]).toEqual([
      200,
      'public, max-age=31536000, immutable',
      'text/javascript; charset=utf-8',
    ]);
    expect((await fetch(`${local().apiUrl}/p/assets/portal-0000000000000000.js`)).status).toBe(404);

    const mistyped = await fetch(portalUrl(org.portalName, 'nowhere'));
    expect(mistyped.status).toBe(404);
    expect(await mistyped.text()).toContain(`data-name="${org.name}"`);
    expect((await fetch(`${local().apiUrl}/p/no-such-portal-here`)).status).toBe(404);
    const { page } = await portalTab(browser);
    await page.goto(portalUrl(org.portalName, 'nowhere'));
    await heading(page, 'Page not found');
    await expect(page.locator('body').textContent()).resolves.not.toContain('Portal not found');
  });

  it('filters, sorts and searches the documents list, keeping the filters in the address', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const seen = await sentDocument(api, org.id, 'invoices', contact.id, { dueDate: '2099-03-01' });
    const unseen = await sentDocument(api, org.id, 'invoices', contact.id, { dueDate: '2099-01-01' });
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    expect((await person.get(`${base}/documents/${seen.id}`)).body.status).toBe('viewed');

    const { page, failures } = await portalTab(browser);
    await signInInBrowser(page, org.portalName, contact.persons[0]!.email, CHOSEN_PASSWORD);
    const listed = async () => page.locator('#documents tbody tr td a').allTextContents();
    await expect.poll(async () => (await listed()).sort()).toEqual([seen.number, unseen.number, estimate.number].sort());
    await expect(page.locator('#count').textContent()).resolves.toBe('Showing 3 of 3');

    await page.selectOption('#filter-sort', 'due');
    await page.waitForURL(`**/p/${org.portalName}/documents?sort=due`);
    await expect.poll(listed).toEqual([unseen.number, seen.number, estimate.number]);

    await page.selectOption('#filter-kind', 'invoice');
    await page.waitForURL(`**/p/${org.portalName}/documents?kind=invoice&sort=due`);
    await expect.poll(listed).toEqual([unseen.number, seen.number]);

    await page.selectOption('#filter-status', 'viewed');
    await page.waitForURL(`**/p/${org.portalName}/documents?kind=invoice&status=viewed&sort=due`);
    await expect.poll(listed).toEqual([seen.number]);

    await page.selectOption('#filter-kind', 'estimate');
    await page.locator('p.muted', { hasText: 'No documents match these filters.' }).waitFor();

    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-kind', '');
    await page.fill('#filter-number', unseen.number.slice(-3));
    await page.press('#filter-number', 'Enter');
    await page.waitForURL(`**/p/${org.portalName}/documents?sort=due&number=*`);
    await expect.poll(listed).toContain(unseen.number);
    expect(failures).toEqual([]);
  });
});
