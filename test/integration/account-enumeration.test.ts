import { describe, expect, it } from 'vitest';
import { newContact, uniqueEmail } from '../support/contacts.ts';
import { mailsTo } from '../support/mailbox.ts';
import { CHOSEN_PASSWORD, portal } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

/** A portal with one person who has access and a password of their own. */
async function portalWithPerson() {
  const { org, api } = await newOrganization();
  const contact = await newContact(api, org.id);
  const person = contact.persons[0]!;
  await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: CHOSEN_PASSWORD, passwordPermanent: true });
  return { org, known: person.email, site: portal(org.portalName) };
}

describe('the unauthenticated portal routes tell nobody who has access', () => {
  it('answer a known and an unknown email with the same status and body', async () => {
    const { known, site } = await portalWithPerson();
    const unknown = uniqueEmail('nobody');
    // A forged session with a good password is left out: cognito-local does not check challenge sessions (Cognito answers NotAuthorized).
    const asks = [
      (email: string) => site.signIn(email, 'Wrong-Password-9!'),
      (email: string) => site.newPassword(email, 'not-a-session', 'weak'),
      (email: string) => site.requestReset(email),
      (email: string) => site.confirmReset(email, '123456', 'Reset-Password-5^'),
      (email: string) => site.confirmReset(email, '123456', 'weak'),
    ];
    for (const ask of asks) {
      const [forKnown, forUnknown] = [await ask(known), await ask(unknown)];
      expect({ status: forKnown.status, body: forKnown.body }).toEqual({ status: forUnknown.status, body: forUnknown.body });
      expect(forKnown.status).toBeGreaterThanOrEqual(200);
      expect(forKnown.status).toBeLessThan(500);
    }
    const invitation = [await site.accept('x'.repeat(43), 'weak'), await site.accept('y'.repeat(43), 'Chosen-Password-2#')];
    expect(invitation.map((response) => response.body.error.code)).toEqual(['INVITATION_INVALID', 'INVITATION_INVALID']);
  });

  it('take about as long for a known email as for an unknown one', async () => {
    const { known, site } = await portalWithPerson();
    const times = { known: [] as number[], unknown: [] as number[] };
    // Interleaved, so a busy moment of the machine weighs on both alike.
    for (let round = 0; round < 9; round++) {
      times.known.push((await timed(() => site.requestReset(known))).ms);
      times.unknown.push((await timed(() => site.requestReset(uniqueEmail('nobody')))).ms);
    }
    const [knownMs, unknownMs] = [median(times.known), median(times.unknown)];
    console.log(`password reset: known email median ${knownMs.toFixed(1)} ms, unknown ${unknownMs.toFixed(1)} ms`);
    expect(knownMs).toBeLessThan(unknownMs * 3 + 30);
    expect(unknownMs).toBeLessThan(knownMs * 3 + 30);
    expect((await mailsTo(known)).length).toBeGreaterThan(1);
  });
});
