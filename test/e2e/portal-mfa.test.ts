import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { portalSetup } from '../support/documents.ts';
import { CHOSEN_PASSWORD } from '../support/portal.ts';
import { heading, portalTab, portalUrl, signInInBrowser } from '../support/portal-browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('portal MFA in a browser', () => {
  it('enrols an authenticator at sign-in where the portal requires it, then asks for a code', async () => {
    const { org, api, contact } = await portalSetup();
    await api.put(`/v1/orgs/${org.id}/portal`, { mfa: 'required' });
    const email = contact.persons[0]!.email;
    const { page, failures } = await portalTab(browser);
    const signIn = async () => {
      await page.goto(portalUrl(org.portalName));
      await page.fill('#email', email);
      await page.fill('#password', CHOSEN_PASSWORD);
      await page.click('button[type=submit]');
    };

    await signIn();
    await page.locator('#mfa-qr').waitFor();
    expect(await page.locator('#mfa-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    // The QR code renders as an image (the page's policy allows data: images).
    await page.waitForFunction("document.getElementById('mfa-qr').naturalWidth > 0");
    const secret = (await page.locator('#mfa-secret').textContent())!;
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
    await page.fill('#code', totp.generate());
    await page.click('button[type=submit]');
    await page.waitForURL(`**/p/${org.portalName}/documents`);

    await page.evaluate('sessionStorage.clear()');
    await signIn();
    await page.locator('h1', { hasText: 'Enter your sign-in code' }).waitFor();
    // A code answers once: the next time step's (accepted within the authenticator's window) signs in again.
    await page.fill('#code', totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.click('button[type=submit]');
    await page.waitForURL(`**/p/${org.portalName}/documents`);
    expect(failures).toEqual([]);
  });

  it('enrols an authenticator from the account page where it is optional, and turns it off again', async () => {
    const { org, api, contact } = await portalSetup();
    await api.put(`/v1/orgs/${org.id}/portal`, { mfa: 'optional' });
    const { page, failures } = await portalTab(browser);
    await signInInBrowser(page, org.portalName, contact.persons[0]!.email, CHOSEN_PASSWORD);
    await page.click('nav >> text=Account');
    await heading(page, 'Your account');
    await expect(page.locator('#mfa-state').textContent()).resolves.toContain('Off');
    await page.click('text=Set up an authenticator app');
    await page.locator('#mfa-qr').waitFor();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32((await page.locator('#mfa-secret').textContent())!) });
    await page.fill('#code', '000000');
    await page.click('#mfa-verify button');
    await page.locator('[role=alert]', { hasText: 'Code' }).waitFor();
    await page.fill('#code', totp.generate());
    await page.click('#mfa-verify button');
    await page.locator('.notice', { hasText: 'Two-step sign-in is on.' }).waitFor();
    await page.locator('#mfa-state', { hasText: 'On' }).waitFor();
    await page.click('#mfa-off button');
    await page.locator('.notice', { hasText: 'Two-step sign-in is off.' }).waitFor();
    await page.locator('#mfa-state', { hasText: 'Off' }).waitFor();
    expect(failures).toEqual([]);
  });
});
