import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { type Client, client } from './api-client.ts';
import { localClientConfig } from './aws-local.ts';
import type { LocalPool } from './cognito-pools.ts';

export const demo = {
  staff: { email: 'owner@demo.portico.test', password: 'Demo-Password-1!' },
  organization: {
    name: 'Demo Trading Ltd',
    portalName: 'demo-trading',
    currency: 'EUR',
    branding: { color: '#0a7d4f' },
    address: { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' },
    taxRegistrations: [{ country: 'DE', scheme: 'vat', id: 'DE136695976' }],
  },
  contact: {
    name: 'Globex Corporation',
    email: 'ann@globex.portico.test',
    address: { line1: 'Maximilianstraße 5', city: 'München', postalCode: '80539', country: 'DE' },
    taxId: 'DE129273398',
  },
  portalPassword: 'Portal-Demo-1!',
  /** The demo invoice: lines at 19 % (one with a line discount) and at the reduced 7 %, notes, terms, and a part payment. */
  invoice: {
    lines: [
      { description: 'Website redesign', quantity: 1, unitPrice: 150000, taxRate: 19 },
      { description: 'Hosting (months)', quantity: 12, unitPrice: 2500, taxRate: 19, discount: 10 },
      { description: 'Printed brand guide', quantity: 2, unitPrice: 4500, taxCode: 'reduced', taxRate: 7 },
    ],
    notes: 'Thank you for your business.',
    terms: 'Payable within 30 days.',
  },
  payment: { amount: 50000, method: 'bank_transfer', reference: 'DEMO-1' },
};

/** A staff user that can sign in right away: the demo login `npm start` prints. */
export async function ensureStaffUser(endpoint: string, pool: LocalPool, email: string, password: string): Promise<string> {
  const cognito = new CognitoIdentityProviderClient(localClientConfig(endpoint));
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.userPoolId, Username: email, Password: password, Permanent: true }));
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
  }
  const auth = await cognito.send(
    new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
  );
  return auth.AuthenticationResult!.IdToken!;
}

/**
 * The demo organization, created through the API like any other, once (kept
 * state finds it again): a customer whose person can sign in to the portal,
 * a sent invoice with a part payment, and a sent estimate.
 */
export async function ensureDemoOrganization(apiUrl: string, staffToken: string, stripeApiUrl: string): Promise<{ id: string; portalName: string }> {
  const call = client(apiUrl, staffToken);
  const mine = (await call('GET', '/v1/orgs')) as { items: { id: string; portalName: string }[] };
  const existing = mine.items.find((org) => org.portalName === demo.organization.portalName);
  if (existing) return existing;

  const org = await call('POST', '/v1/orgs', demo.organization);
  const contact = await call('POST', `/v1/orgs/${org.id}/contacts`, demo.contact);
  await call('POST', `/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
    personIds: [contact.persons[0].id],
    password: demo.portalPassword,
    passwordPermanent: true,
  });
  const invoice = await call('POST', `/v1/orgs/${org.id}/invoices`, { contactId: contact.id, ...demo.invoice });
  await call('POST', `/v1/orgs/${org.id}/invoices/${invoice.id}/send`);
  await call('POST', `/v1/orgs/${org.id}/invoices/${invoice.id}/payments`, demo.payment);
  const estimate = await call('POST', `/v1/orgs/${org.id}/estimates`, {
    contactId: contact.id,
    lines: [{ description: 'Phase 2: online shop', quantity: 40, unitPrice: 9000, taxRate: 19 }],
  });
  await call('POST', `/v1/orgs/${org.id}/estimates/${estimate.id}/send`);
  await connectStripe(call, stripeApiUrl, org.id, demo.organization.name);
  return org;
}

/**
 * Connects an organization's Stripe account as its owner would: connect,
 * onboarding (the double's form, through its control API), then online
 * payments on, partial payments of at least 10.00 allowed.
 */
export async function connectStripe(call: Client, stripeApiUrl: string, orgId: string, businessName: string) {
  await call('POST', `/v1/orgs/${orgId}/stripe/connect`);
  const { accountId } = await call('GET', `/v1/orgs/${orgId}/stripe`);
  const onboarded = await fetch(`${stripeApiUrl}/_control/accounts/${accountId}/onboard`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ businessName }),
  });
  if (!onboarded.ok) throw new Error(`onboarding the Stripe account: ${onboarded.status} ${await onboarded.text()}`);
  // Reading the status asks Stripe again: online payments go on only once the account can take charges.
  await call('GET', `/v1/orgs/${orgId}/stripe`);
  await call('PATCH', `/v1/orgs/${orgId}`, { onlinePayments: { enabled: true, allowPartial: true, minimumPartial: 1000 } });
}
