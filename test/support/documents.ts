import { randomUUID } from 'node:crypto';
import type { as } from './api.ts';

type Api = ReturnType<typeof as>;

/** A request body for a document with one plain line; overrides replace fields. */
export function documentBody(contactId: string, overrides: Record<string, unknown> = {}) {
  return { contactId, lines: [{ description: 'Consulting', quantity: 2, unitPrice: 5000, taxRate: 19 }], ...overrides };
}

/** Creates a document through the API and returns its body; fails the test on anything but 201. */
export async function makeDocument(api: Api, orgId: string, kind: 'invoices' | 'estimates' | 'retainer-invoices', contactId: string, overrides: Record<string, unknown> = {}) {
  const response = await api.post(`/v1/orgs/${orgId}/${kind}`, documentBody(contactId, overrides), { headers: { 'idempotency-key': randomUUID() } });
  if (response.status !== 201) throw new Error(`creating a document failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Creates and sends a document. */
export async function sentDocument(api: Api, orgId: string, kind: 'invoices' | 'estimates' | 'retainer-invoices', contactId: string, overrides: Record<string, unknown> = {}) {
  const draft = await makeDocument(api, orgId, kind, contactId, overrides);
  const response = await api.post(`/v1/orgs/${orgId}/${kind}/${draft.id}/send`);
  if (response.status !== 200) throw new Error(`sending a document failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
