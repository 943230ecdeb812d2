import type { as } from './api.ts';
import { control } from './stripe.ts';

type Api = ReturnType<typeof as>;

/** Connects the organization's Stripe account through the API and onboards it at the double: its account id. */
export async function connectedOrganization(api: Api, orgId: string, { onboarded = true } = {}): Promise<string> {
  const connect = await api.post(`/v1/orgs/${orgId}/stripe/connect`);
  if (connect.status !== 200) throw new Error(`connecting Stripe failed: ${connect.status} ${JSON.stringify(connect.body)}`);
  const { body } = await api.get(`/v1/orgs/${orgId}/stripe`);
  if (onboarded) await control('POST', `/accounts/${body.accountId}/onboard`, { businessName: 'Acme Supplies' });
  return body.accountId as string;
}

/** Turns online payments on (with the given partial-payment settings). */
export async function enableOnlinePayments(api: Api, orgId: string, settings: { allowPartial?: boolean; minimumPartial?: number | null } = {}) {
  const response = await api.patch(`/v1/orgs/${orgId}`, { onlinePayments: { enabled: true, allowPartial: false, ...settings } });
  if (response.status !== 200) throw new Error(`enabling online payments failed: ${response.status} ${JSON.stringify(response.body)}`);
}
