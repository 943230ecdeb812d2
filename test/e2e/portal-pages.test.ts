import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { invitationToken, onlyMailTo } from '../support/mailbox.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';
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
    const link = `${local().apiUrl}/p/${org.portalName}/invitation?token=${invitationToken(await onlyMailTo(person.email))}`;
    const invoice = (
      await api.post(`/v1/orgs/${org.id}/invoices`, {
        contactId: contact.id,
        lines: [{ description: 'Website <redesign>', quantity: 1, unitPrice: 150000, taxRate: 19 }],
      })
    ).body;
    expect((await api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/send`)).status).toBe(200);

    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(link);
    // The organization's name is shown as text, never as markup.
    await expect(page.locator('.org').textContent()).resolves.toBe('Acme <b>Supplies</b>');
    expect(page.url()).toBe(`${local().apiUrl}/p/${org.portalName}/invitation`);
    await page.fill('#password', CHOSEN_PASSWORD);
    await page.fill('#confirm', CHOSEN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Your documents');
    await page.click(`text=${invoice.number}`);
    await page.waitForURL(`**/p/${org.portalName}/documents/${invoice.id}`);
    await expect(page.locator('h1').textContent()).resolves.toBe(`${invoice.number} viewed`);
    await expect(page.locator('td').first().textContent()).resolves.toBe('Website <redesign>');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download PDF')]);
    expect(download.suggestedFilename()).toBe(`${invoice.number}.pdf`);
    expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    await page.fill('#comment', 'Could you add the PO number?');
    await page.click('text=Post comment');
    await page.locator('.comment p', { hasText: 'Could you add the PO number?' }).waitFor();
    const staffView = await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`);
    expect(staffView.body.comments.map((comment: { body: string; author: { type: string } }) => [comment.body, comment.author.type])).toEqual([
      ['Could you add the PO number?', 'portal'],
    ]);

    const estimate = (
      await api.post(`/v1/orgs/${org.id}/estimates`, { contactId: contact.id, lines: [{ description: 'Phase 2', quantity: 10, unitPrice: 9000 }] })
    ).body;
    await api.post(`/v1/orgs/${org.id}/estimates/${estimate.id}/send`);
    await page.goto(`${local().apiUrl}/p/${org.portalName}/documents/${estimate.id}`);
    await page.click('text=Accept');
    await page.locator('h1', { hasText: `${estimate.number} accepted` }).waitFor();
    expect((await api.get(`/v1/orgs/${org.id}/estimates/${estimate.id}`)).body.status).toBe('accepted');

    await page.click('#sign-out');
    await page.waitForURL(`**/p/${org.portalName}`);
    await page.fill('#email', person.email);
    await page.fill('#password', 'Wrong-Password-9!');
    await page.click('button[type=submit]');
    await page.locator('[role=alert]', { hasText: 'The email or password is incorrect.' }).waitFor();
    await page.fill('#password', CHOSEN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    expect(failures).toEqual([]);
  });

  it('serves pages with a nonce-only content security policy, and 404 for unknown portals and pages', async () => {
    const { org } = await newOrganization();
    const signIn = await fetch(`${local().apiUrl}/p/${org.portalName}`);
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]+';/);
    expect((await fetch(`${local().apiUrl}/p/${org.portalName}/nowhere`)).status).toBe(404);
    expect((await fetch(`${local().apiUrl}/p/no-such-portal-here`)).status).toBe(404);
  });

  it('filters the documents list by kind and status, keeping both filters in the address', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const seen = await sentDocument(api, org.id, 'invoices', contact.id);
    const unseen = await sentDocument(api, org.id, 'invoices', contact.id);
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    expect((await person.get(`${base}/documents/${seen.id}`)).body.status).toBe('viewed');

    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await page.goto(`${local().apiUrl}/p/${org.portalName}`);
    await page.fill('#email', contact.persons[0]!.email);
    await page.fill('#password', CHOSEN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    const listed = async () => (await page.locator('tbody tr td a').allTextContents()).sort();
    await expect.poll(listed).toEqual([seen.number, unseen.number, estimate.number].sort());

    await page.selectOption('select[aria-label=Kind]', 'invoice');
    await page.waitForURL(`**/p/${org.portalName}/documents?kind=invoice`);
    await expect.poll(listed).toEqual([seen.number, unseen.number].sort());

    await page.selectOption('select[aria-label=Status]', 'viewed');
    await page.waitForURL(`**/p/${org.portalName}/documents?kind=invoice&status=viewed`);
    await expect.poll(listed).toEqual([seen.number]);

    await page.selectOption('select[aria-label=Kind]', 'estimate');
    await page.waitForURL(`**/p/${org.portalName}/documents?kind=estimate&status=viewed`);
    await page.locator('p.muted', { hasText: 'No documents match these filters.' }).waitFor();

    await page.selectOption('select[aria-label=Status]', 'sent');
    await page.waitForURL(`**/p/${org.portalName}/documents?kind=estimate&status=sent`);
    await expect.poll(listed).toEqual([estimate.number]);

    await page.selectOption('select[aria-label=Kind]', '');
    await page.waitForURL(`**/p/${org.portalName}/documents?status=sent`);
    await expect.poll(listed).toEqual([unseen.number, estimate.number].sort());
    expect(failures).toEqual([]);
  });
});
