import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { newContact } from '../support/contacts.ts';
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
  it('serves pages with a nonce-only content security policy, and 404 for unknown portals and pages', async () => {
    const { org } = await newOrganization();
    const signIn = await fetch(`${local().apiUrl}/p/${org.portalName}`);
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]+';/);
    expect((await fetch(`${local().apiUrl}/p/${org.portalName}/nowhere`)).status).toBe(404);
    expect((await fetch(`${local().apiUrl}/p/no-such-portal-here`)).status).toBe(404);
  });
});
