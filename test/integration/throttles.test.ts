import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { ATTEMPT_WINDOW_SECONDS, ATTEMPTS_PER_SUBJECT } from '../../functions/core/portal-access/throttle.ts';
import { newContact, uniqueEmail } from '../support/contacts.ts';
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

describe('the portal sign-in routes are throttled', () => {
  it('answers the 11th attempt for one email with 429 and Retry-After, counted in an expiring item; other emails still pass', async () => {
    const { org, email, site } = await portalWithPerson();
    const window = await freshWindow();
    for (let attempt = 0; attempt < ATTEMPTS_PER_SUBJECT; attempt++) expect((await site.signIn(email, WRONG)).status).toBe(401);

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

    const key = keys.portalAttempts(org.id, `password:${email}`, window.start);
    expect(await getItem(key)).toEqual({ ...key, type: 'attempts', attempts: ATTEMPTS_PER_SUBJECT, expiresAt: window.end });

    // Another email from the same address is under its own limit.
    const other = uniqueEmail('other');
    expect((await site.signIn(other, WRONG)).status).toBe(401);
    expect((await site.requestReset(other)).status).toBe(202);
  });

  it('throttles an unknown email exactly like a known one, counting before the lookup', async () => {
    const { org, email, site } = await portalWithPerson();
    const unknown = uniqueEmail('nobody');
    const window = await freshWindow();
    for (let attempt = 0; attempt < ATTEMPTS_PER_SUBJECT; attempt++) {
      const [forKnown, forUnknown] = [await site.requestReset(email), await site.requestReset(unknown)];
      expect([forKnown.status, forUnknown.status]).toEqual([202, 202]);
    }
    const [forKnown, forUnknown] = [
      await site.confirmReset(email, '123456', 'Reset-Password-5^'),
      await site.confirmReset(unknown, '123456', 'Reset-Password-5^'),
    ];
    expect({ status: forKnown.status, body: { ...forKnown.body, error: { ...forKnown.body.error, details: undefined } } }).toEqual({
      status: forUnknown.status,
      body: { ...forUnknown.body, error: { ...forUnknown.body.error, details: undefined } },
    });
    expect(forUnknown.status).toBe(429);
    expect(Math.abs(Number(forKnown.headers.get('retry-after')) - Number(forUnknown.headers.get('retry-after')))).toBeLessThanOrEqual(1);
    expect((await getItem(keys.portalAttempts(org.id, `reset:${unknown}`, window.start)))?.attempts).toBe(ATTEMPTS_PER_SUBJECT);
  });

  it('throttles invitation tokens per token', async () => {
    const { site } = await portalWithPerson();
    await freshWindow();
    const token = randomBytes(32).toString('base64url');
    for (let attempt = 0; attempt < ATTEMPTS_PER_SUBJECT; attempt++) expect((await site.accept(token, CHOSEN_PASSWORD)).status).toBe(422);
    expect((await site.accept(token, CHOSEN_PASSWORD)).status).toBe(429);
  });
});
