import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ATTEMPT_WINDOW_SECONDS, FAILURES_PER_ADDRESS, failureCounter, RESET_REQUESTS_PER_EMAIL } from '../../functions/core/portal-access/throttle.ts';
import { newContact, uniqueEmail } from '../support/contacts.ts';
import { local } from '../support/local.ts';
import { CHOSEN_PASSWORD, portal } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';
import { getItem } from '../support/table.ts';

const WRONG = 'Wrong-Password-9!';

/** The current fixed window, after waiting out one that ends too soon for a test's attempts to fit in it. */
async function freshWindow() {
  const secondsLeft = () => ATTEMPT_WINDOW_SECONDS - (Math.floor(Date.now() / 1000) % ATTEMPT_WINDOW_SECONDS);
  if (secondsLeft() < 30) await new Promise((resolve) => setTimeout(resolve, secondsLeft() * 1000 + 50));
  const now = Math.floor(Date.now() / 1000);
  return { start: now - (now % ATTEMPT_WINDOW_SECONDS), end: now - (now % ATTEMPT_WINDOW_SECONDS) + ATTEMPT_WINDOW_SECONDS };
}

async function portalWithPerson() {
  const { org, api } = await newOrganization();
  const contact = await newContact(api, org.id);
  const person = contact.persons[0]!;
  await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
  return { org, email: person.email, site: portal(org.portalName) };
}

/** A portal sign-in sent from another loopback address (the whole of 127.0.0.0/8 reaches the local gateway). */
function signInFrom(localAddress: string, portalName: string, email: string, password: string): Promise<{ status: number; body: any }> {
  const url = new URL(`${local().apiUrl}/v1/portal/${portalName}/sessions`);
  const payload = JSON.stringify({ email, password });
  return new Promise((resolve, reject) => {
    const sent = httpRequest(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
    });
    sent.on('error', reject);
    sent.end(payload);
  });
}

describe('the portal sign-in routes are throttled', () => {
  it('answers the 11th failed guess for one email from one address with 429 and Retry-After, counted in an expiring item', async () => {
    const { org, email, site } = await portalWithPerson();
    const window = await freshWindow();
    for (let attempt = 0; attempt < FAILURES_PER_ADDRESS; attempt++) expect((await site.signIn(email, WRONG)).status).toBe(401);

    const throttled = await site.signIn(email, CHOSEN_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(window.end - Math.floor(Date.now() / 1000) + 1);
    expect(throttled.body.error.details).toEqual({ retryAfter });
    // The new-password answer guesses the same password; reset codes are counted apart.
    expect((await site.newPassword(email, 'some-session', CHOSEN_PASSWORD)).status).toBe(429);
    expect((await site.requestReset(email)).status).toBe(202);

    const key = failureCounter(org.id, 'password', email, window.start, '127.0.0.1');
    expect(await getItem(key)).toEqual({ ...key, type: 'attempts', attempts: FAILURES_PER_ADDRESS, expiresAt: window.end });
    expect((await getItem(failureCounter(org.id, 'password', email, window.start)))?.attempts).toBe(FAILURES_PER_ADDRESS);

    // Another email from the same address is under its own limit.
    const other = uniqueEmail('other');
    expect((await site.signIn(other, WRONG)).status).toBe(401);
    expect((await site.requestReset(other)).status).toBe(202);
  });

  it("never locks the owner out: failures from another address leave a right password from the owner's address admitted", async () => {
    const { org, email, site } = await portalWithPerson();
    const window = await freshWindow();
    for (let attempt = 0; attempt < FAILURES_PER_ADDRESS; attempt++) expect((await signInFrom('127.0.0.2', org.portalName, email, WRONG)).status).toBe(401);
    expect((await signInFrom('127.0.0.2', org.portalName, email, CHOSEN_PASSWORD)).status).toBe(429);

    const owner = await site.signIn(email, CHOSEN_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.idToken).toEqual(expect.any(String));
    // Right passwords are not failures: the owner's own counters are back at zero after each.
    for (let attempt = 0; attempt < FAILURES_PER_ADDRESS; attempt++) expect((await site.signIn(email, CHOSEN_PASSWORD)).status).toBe(200);
    expect((await getItem(failureCounter(org.id, 'password', email, window.start, '127.0.0.1')))?.attempts).toBe(0);
    expect((await getItem(failureCounter(org.id, 'password', email, window.start)))?.attempts).toBe(FAILURES_PER_ADDRESS);
  });

  it('throttles an unknown email exactly like a known one; asking for reset codes never blocks confirming one', async () => {
    const { org, email, site } = await portalWithPerson();
    const unknown = uniqueEmail('nobody');
    const window = await freshWindow();
    for (let attempt = 0; attempt < RESET_REQUESTS_PER_EMAIL; attempt++) {
      const [forKnown, forUnknown] = [await site.requestReset(email), await site.requestReset(unknown)];
      expect([forKnown.status, forUnknown.status]).toEqual([202, 202]);
    }
    const [moreKnown, moreUnknown] = [await site.requestReset(email), await site.requestReset(unknown)];
    expect([moreKnown.status, moreUnknown.status]).toEqual([429, 429]);

    // Confirming is its own guess: wrong codes are counted per email, alike for known and unknown ones.
    for (let attempt = 0; attempt < FAILURES_PER_ADDRESS; attempt++) {
      const [forKnown, forUnknown] = [
        await site.confirmReset(email, '123456', 'Reset-Password-5^'),
        await site.confirmReset(unknown, '123456', 'Reset-Password-5^'),
      ];
      expect([forKnown.status, forUnknown.status]).toEqual([422, 422]);
      expect(forKnown.body).toEqual(forUnknown.body);
    }
    const [forKnown, forUnknown] = [
      await site.confirmReset(email, '123456', 'Reset-Password-5^'),
      await site.confirmReset(unknown, '123456', 'Reset-Password-5^'),
    ];
    expect([forKnown.status, forUnknown.status]).toEqual([429, 429]);
    expect(Math.abs(Number(forKnown.headers.get('retry-after')) - Number(forUnknown.headers.get('retry-after')))).toBeLessThanOrEqual(1);
    expect((await getItem(failureCounter(org.id, 'reset', unknown, window.start)))?.attempts).toBe(FAILURES_PER_ADDRESS);
  });

  it('throttles invitation tokens per token', async () => {
    const { site } = await portalWithPerson();
    await freshWindow();
    const token = randomBytes(32).toString('base64url');
    for (let attempt = 0; attempt < FAILURES_PER_ADDRESS; attempt++) expect((await site.accept(token, CHOSEN_PASSWORD)).status).toBe(422);
    expect((await site.accept(token, CHOSEN_PASSWORD)).status).toBe(429);
  });
});
