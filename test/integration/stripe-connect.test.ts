import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { as } from '../support/api.ts';
import { connectedOrganization } from '../support/online-payments.ts';
import { newOrganization, newStaffToken } from '../support/staff.ts';
import { control, platformStripe } from '../support/stripe.ts';
import { getItem } from '../support/table.ts';

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
