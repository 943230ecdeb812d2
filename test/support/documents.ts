import { randomUUID } from 'node:crypto';
import { as } from './api.ts';
import { newContact } from './contacts.ts';
import { CHOSEN_PASSWORD, signedIn } from './portal.ts';
import { newOrganization } from './staff.ts';

type Api = ReturnType<typeof as>;

/** A request body for a document with one plain line; overrides replace fields. */
export function documentBody(contactId: string, overrides: Record<string, unknown> = {}) {
  return { contactId, lines: [{ description: 'Consulting', quantity: 2, unitPrice: 5000, taxRate: 19 }], ...overrides };
}

/** Creates a document through the API and returns its body; fails the test on anything but 201. */
export async function makeDocument(
  api: Api,
  orgId: string,
  kind: 'invoices' | 'estimates' | 'retainer-invoices' | 'credit-notes',
  contactId: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await api.post(`/v1/orgs/${orgId}/${kind}`, documentBody(contactId, overrides), { headers: { 'idempotency-key': randomUUID() } });
  if (response.status !== 201) throw new Error(`creating a document failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Creates and sends a document. */
export async function sentDocument(
  api: Api,
  orgId: string,
  kind: 'invoices' | 'estimates' | 'retainer-invoices' | 'credit-notes',
  contactId: string,
  overrides: Record<string, unknown> = {},
) {
  const draft = await makeDocument(api, orgId, kind, contactId, overrides);
  const response = await api.post(`/v1/orgs/${orgId}/${kind}/${draft.id}/send`);
  if (response.status !== 200) throw new Error(`sending a document failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * An organization with a contact whose persons (primary plus `extraPersons`)
 * have portal access with a permanent password, each signed in: their ID tokens.
 */
export async function portalSetup(extraPersons = 0) {
  const { org, api, token } = await newOrganization();
  const contact = await newContact(api, org.id, extraPersons);
  const personIds = contact.persons.map((person) => person.id);
  const enabled = await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds, password: CHOSEN_PASSWORD, passwordPermanent: true });
  if (enabled.status !== 200) throw new Error(`enabling portal access failed: ${enabled.status} ${JSON.stringify(enabled.body)}`);
  const tokens = await Promise.all(contact.persons.map(async (person) => (await signedIn(org.portalName, person.email, CHOSEN_PASSWORD)).idToken));
  const base = `/v1/portal/${org.portalName}`;
  return { org, api, token, contact, tokens, base, person: as(tokens[0]) };
}
