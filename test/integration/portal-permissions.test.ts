import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { launchBrowser } from '../support/browser.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { CHOSEN_PASSWORD, signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';

const noApprove = {
  error: { code: 'FORBIDDEN', message: 'Your portal access does not allow you to accept or decline estimates; ask the business to allow it.' },
};

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('portal permissions', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });

  it('gives new persons the organization default (all three unless changed), and grants may name their own', async () => {
    const { org, api } = await newOrganization();
    const first = await newContact(api, org.id);
    expect(first.persons[0]!.portalPermissions).toEqual(['view', 'approve', 'pay']);

    const settings = await api.put(`/v1/orgs/${org.id}/portal`, { defaultPermissions: ['pay'] });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ defaultPermissions: ['view', 'pay'], mfa: 'off' });
    expect((await api.get(`/v1/orgs/${org.id}`)).body.portal).toEqual({ defaultPermissions: ['view', 'pay'], mfa: 'off' });
    const second = await newContact(api, org.id, 1, { portalPermissions: ['approve', 'view'] });
    expect(second.persons.map((person) => person.portalPermissions)).toEqual([
      ['view', 'approve'],
      ['view', 'pay'],
    ]);

    const granted = await api.post(`/v1/orgs/${org.id}/contacts/${first.id}/portal-access`, {
      personIds: [first.persons[0]!.id],
      password: CHOSEN_PASSWORD,
      passwordPermanent: true,
      portalPermissions: [],
    });
    expect(granted.status).toBe(200);
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${first.id}`)).body.persons[0].portalPermissions).toEqual(['view']);
    const bad = await api.patch(`/v1/orgs/${org.id}/contacts/${first.id}/persons/${first.persons[0]!.id}`, { portalPermissions: ['admin'] });
    expect(bad.status).toBe(400);
  });

  it('refuses accept and decline without approve, from the next request on, and the page explains instead of offering them', async () => {
    const { org, api, contact, tokens, base } = await portalSetup();
    const person = contact.persons[0]!;
    const portalApi = as(tokens[0]);
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);

    const removed = await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}`, { portalPermissions: ['view', 'pay'] });
    expect(removed.status).toBe(200);
    expect(removed.body.portalPermissions).toEqual(['view', 'pay']);
    // The same ID token, issued before the change: the change holds at once.
    expect((await portalApi.get(`${base}/me`)).body.person.portalPermissions).toEqual(['view', 'pay']);
    const accept = await portalApi.post(`${base}/documents/${estimate.id}/accept`);
    expect(accept.status).toBe(403);
    expect(accept.body).toEqual(noApprove);
    const decline = await portalApi.post(`${base}/documents/${estimate.id}/decline`, { reason: 'Too dear' });
    expect(decline.status).toBe(403);
    expect((await api.get(`/v1/orgs/${org.id}/estimates/${estimate.id}`)).body.status).toBe('sent');

    const page = await browser!.newPage();
    await page.goto(`${local().apiUrl}/p/${org.portalName}`);
    await page.fill('#email', person.email);
    await page.fill('#password', CHOSEN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    await page.goto(`${local().apiUrl}/p/${org.portalName}/documents/${estimate.id}`);
    await page.locator('#no-approve').waitFor();
    await expect(page.locator('#no-approve').textContent()).resolves.toBe(
      'Accepting or declining estimates is not part of your access; ask Acme Supplies to allow it.',
    );
    expect(await page.locator('button', { hasText: 'Accept' }).count()).toBe(0);
    expect(await page.locator('button', { hasText: 'Decline' }).count()).toBe(0);

    await api.patch(`/v1/orgs/${org.id}/contacts/${contact.id}/persons/${person.id}`, { portalPermissions: ['approve'] });
    await page.reload();
    await page.locator('button', { hasText: 'Accept' }).waitFor();
    expect(await page.locator('#no-approve').count()).toBe(0);
    await page.close();
    const fresh = await signedIn(org.portalName, person.email, CHOSEN_PASSWORD);
    expect((await as(fresh.idToken).post(`${base}/documents/${estimate.id}/accept`)).status).toBe(200);
  });
});
