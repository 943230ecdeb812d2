import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { as } from '../support/api.ts';
import { local } from '../support/local.ts';
import { connectedOrganization } from '../support/online-payments.ts';
import { newOrganization, newStaffToken } from '../support/staff.ts';
import { control, platformStripe } from '../support/stripe.ts';
import { getItem } from '../support/table.ts';

/** What the owner's browser does on Stripe's onboarding page (the double's): submit it, or leave for now; where Stripe then sends it. */
async function leaveOnboarding(linkUrl: string, form: Record<string, string> = {}): Promise<string> {
  const response = await fetch(linkUrl, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
  expect(response.status).toBe(303);
  return response.headers.get('location')!;
}

/** A page as a browser without a token gets it. */
async function browse(url: string) {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    html: await response.text(),
  };
}

const CSP = /^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]{24}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/;
const withoutNonce = (html: string) => html.replace(/nonce="[^"]+"/, 'nonce=""');

describe('connecting Stripe', () => {
  it('creates the Standard account once and answers a fresh onboarding link each time', async () => {
    const { org, api } = await newOrganization();
    expect((await api.get(`/v1/orgs/${org.id}/stripe`)).body).toEqual({ connected: false, chargesEnabled: false, detailsSubmitted: false });

    const [first, second] = await Promise.all([api.post(`/v1/orgs/${org.id}/stripe/connect`), api.post(`/v1/orgs/${org.id}/stripe/connect`)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await api.post(`/v1/orgs/${org.id}/stripe/connect`);
    const urls = [first.body.url, second.body.url, third.body.url];
    expect(new Set(urls).size).toBe(3);

    const state = await api.get(`/v1/orgs/${org.id}/stripe`);
    expect(state.status).toBe(200);
    expect(state.body).toEqual({ connected: true, accountId: expect.stringMatching(/^acct_/), chargesEnabled: false, detailsSubmitted: false });
    const accountId = state.body.accountId;
    expect(await getItem(keys.stripeAccount(accountId))).toMatchObject({ accountId, orgId: org.id, GSI1PK: 'STRIPE_ACCOUNTS' });
    expect(await getItem(keys.stripeConnection(org.id))).toMatchObject({ accountId, chargesEnabled: false, version: 1 });
    const account = await platformStripe().accounts.retrieve(accountId);
    expect(account.metadata).toEqual({ orgId: org.id });

    // Each link opens the double's onboarding page for this one account.
    expect(urls.every((url) => url.startsWith(new URL(url).origin))).toBe(true);
  });

  it('shows the account able to take charges once onboarding is done', async () => {
    const { org, api } = await newOrganization();
    const accountId = await connectedOrganization(api, org.id, { onboarded: false });
    await control('POST', `/accounts/${accountId}/onboard`, { businessName: 'Acme Supplies' });
    expect((await api.get(`/v1/orgs/${org.id}/stripe`)).body).toEqual({ connected: true, accountId, chargesEnabled: true, detailsSubmitted: true });
    expect(await getItem(keys.stripeConnection(org.id))).toMatchObject({ chargesEnabled: true, detailsSubmitted: true, version: 2 });
  });

  it("is another organization's business: a non-member gets 404", async () => {
    const { org } = await newOrganization();
    const stranger = as(await newStaffToken());
    expect((await stranger.post(`/v1/orgs/${org.id}/stripe/connect`)).status).toBe(404);
    expect((await stranger.get(`/v1/orgs/${org.id}/stripe`)).status).toBe(404);
  });
});

describe('the page Stripe onboarding returns to', () => {
  it('needs no sign-in, says what Stripe still needs, that an expired link needs a new one, and once onboarded that payments can be taken', async () => {
    const { org, api } = await newOrganization({ name: 'Acme <Supplies> & "Co"' });
    const first = await api.post(`/v1/orgs/${org.id}/stripe/connect`);
    const accountId = (await api.get(`/v1/orgs/${org.id}/stripe`)).body.accountId as string;
    // The page stores what it reads: no account.updated reaches the API for this account meanwhile.
    await control('POST', '/delivery/rules', { mode: 'drop', account: accountId, types: ['account.updated'] });

    // The owner leaves Stripe's onboarding before the end: Stripe sends the browser to the link's return page.
    const returnUrl = await leaveOnboarding(first.body.url, { action: 'leave' });
    const state = new RegExp(`^${local().apiUrl}/stripe/onboarding/(${org.id}\\.[A-Za-z0-9_-]{43})/return$`).exec(returnUrl)?.[1];
    expect(state).toBeDefined();
    const staffSettings = `href="${local().apiUrl}/staff/orgs/${org.id}/stripe"`;
    const due =
      '<ul><li>Your business website <code>business_profile.url</code></li><li>A bank account for payouts <code>external_account</code></li>' +
      '<li>Acceptance of Stripe&#39;s terms of service <code>tos_acceptance.date</code></li></ul>';
    const pending = await browse(returnUrl);
    expect(pending.status).toBe(200);
    expect(pending.type).toBe('text/html; charset=utf-8');
    expect(pending.csp).toMatch(CSP);
    expect(pending.html).toContain('<h1>Stripe still needs some details</h1>');
    expect(pending.html).toContain(`<p>Acme &lt;Supplies&gt; &amp; &quot;Co&quot; cannot take online payments yet. Stripe still needs:</p>\n${due}`);
    expect(pending.html).toContain(staffSettings);
    expect(pending.html).not.toContain('<Supplies>');
    expect(pending.html).not.toContain('<script');
    expect(await getItem(keys.stripeConnection(org.id))).toMatchObject({ chargesEnabled: false, version: 1 });

    // The used link sends the browser to its refresh page: expired, and how to get a new one.
    const refreshUrl = await leaveOnboarding(first.body.url);
    expect(refreshUrl).toBe(`${local().apiUrl}/stripe/onboarding/${state}/refresh`);
    const expired = await browse(refreshUrl);
    expect(expired.status).toBe(200);
    expect(expired.csp).toMatch(CSP);
    expect(expired.html).toContain('<h1>This Stripe link has expired</h1>');
    expect(expired.html).toContain('To get a new one, open the Stripe settings in Portico and choose Connect Stripe again');
    expect(expired.html).toContain(due);
    expect(expired.html).toContain(staffSettings);

    // A fresh link, onboarding finished: the return page reads Stripe, says so, and stores it as GET …/stripe would.
    const second = await api.post(`/v1/orgs/${org.id}/stripe/connect`);
    const finishedUrl = await leaveOnboarding(second.body.url);
    expect(finishedUrl).not.toBe(returnUrl);
    const connected = await browse(finishedUrl);
    expect(connected.status).toBe(200);
    expect(connected.html).toContain('<h1>Stripe is connected</h1>\n<p>Stripe is connected — you can take online payments.</p>');
    expect(connected.html).toContain(staffSettings);
    expect(await getItem(keys.stripeConnection(org.id))).toMatchObject({ chargesEnabled: true, detailsSubmitted: true, version: 2 });
    expect((await api.get(`/v1/orgs/${org.id}/stripe`)).body).toEqual({ connected: true, accountId, chargesEnabled: true, detailsSubmitted: true });
    // The first link's page shows the account as it is now, too.
    expect((await browse(returnUrl)).html).toContain('<h1>Stripe is connected</h1>');
    await control('DELETE', `/delivery/rules?account=${accountId}`);
  });

  it("answers the same 404 page for a forged or another organization's state and for another outcome, naming nobody", async () => {
    const { org, api } = await newOrganization({ name: 'Acme Supplies' });
    const other = await newOrganization({ name: 'Bravo Trading' });
    const link = await api.post(`/v1/orgs/${org.id}/stripe/connect`);
    const returnUrl = await leaveOnboarding(link.body.url, { action: 'leave' });
    const [, state] = /\/stripe\/onboarding\/([^/]+)\/return$/.exec(returnUrl)!;
    const secret = state!.split('.')[1]!;
    expect((await browse(returnUrl)).status).toBe(200);

    const page = (path: string) => browse(`${local().apiUrl}/stripe/onboarding/${path}`);
    const refused = await Promise.all([
      page(`${other.org.id}.${secret}/return`),
      page(`${org.id}.${secret.replace(/^./, (first) => (first === 'A' ? 'B' : 'A'))}/return`),
      page(`org_unknown.${secret}/refresh`),
      page(`${org.id}/return`),
      page(`${state}/settings`),
    ]);
    expect(refused.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
    expect(new Set(refused.map((answer) => withoutNonce(answer.html))).size).toBe(1);
    expect(refused[0]!.csp).toMatch(CSP);
    expect(refused[0]!.html).toContain('<h1>This link is not valid</h1>');
    for (const name of ['Acme Supplies', 'Bravo Trading', org.id, other.org.id]) expect(refused[0]!.html).not.toContain(name);
  });
});

describe('online payment settings', () => {
  it('are off until turned on, then merged field by field', async () => {
    const { org, api } = await newOrganization();
    expect(org.onlinePayments).toEqual({ enabled: false, allowPartial: false, minimumPartial: null });
    await connectedOrganization(api, org.id);
    const on = await api.patch(`/v1/orgs/${org.id}`, { onlinePayments: { enabled: true, allowPartial: true, minimumPartial: 2500 } });
    expect(on.status).toBe(200);
    expect(on.body.onlinePayments).toEqual({ enabled: true, allowPartial: true, minimumPartial: 2500 });
    const partialOff = await api.patch(`/v1/orgs/${org.id}`, { onlinePayments: { allowPartial: false, minimumPartial: null } });
    expect(partialOff.body.onlinePayments).toEqual({ enabled: true, allowPartial: false, minimumPartial: null });
    expect((await api.get(`/v1/orgs/${org.id}`)).body.onlinePayments).toEqual({ enabled: true, allowPartial: false, minimumPartial: null });
  });

  it.each([
    [{ enabled: 'yes' }, 'body.onlinePayments.enabled'],
    [{ minimumPartial: 10.5 }, 'body.onlinePayments.minimumPartial'],
    [{ minimumPartial: 0 }, 'body.onlinePayments.minimumPartial'],
    [{ minimumPartial: -100 }, 'body.onlinePayments.minimumPartial'],
    [{ enabled: true, currency: 'EUR' }, 'body.onlinePayments'],
  ])('refuses %j with 400 and changes nothing', async (settings, path) => {
    const { org, api } = await newOrganization();
    const response = await api.patch(`/v1/orgs/${org.id}`, { onlinePayments: settings });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
    expect((await api.get(`/v1/orgs/${org.id}`)).body).toMatchObject({ version: org.version, onlinePayments: { enabled: false } });
  });
});
