import { randomUUID } from 'node:crypto';
import { as } from '../api.ts';
import { newContact, uniqueEmail } from '../contacts.ts';
import { makeDocument, sentDocument } from '../documents.ts';
import { CHOSEN_PASSWORD, signedIn } from '../portal.ts';
import { newOrganization } from '../staff.ts';

type Api = ReturnType<typeof as>;

/** What one contact of a tenant holds: persons with access (the first signed in), documents of every kind, comments, payments. */
export interface CustomerSide {
  id: string;
  name: string;
  personIds: string[];
  emails: string[];
  portalToken: string;
  docs: { id: string; kind: string }[];
  commentIds: string[];
  commentBodies: string[];
  paymentIds: string[];
}

export interface Tenant {
  orgId: string;
  orgName: string;
  portalName: string;
  staffToken: string;
  api: Api;
  customers: [CustomerSide, CustomerSide];
  /** A next-page cursor of each list, by the list's path pattern. */
  cursors: string[];
}

const kinds = ['invoices', 'estimates', 'retainer-invoices'] as const;

async function customerSide(api: Api, orgId: string, portalName: string, label: string): Promise<CustomerSide> {
  const name = `${label} Customer ${randomUUID()}`;
  const contact = await newContact(api, orgId, 1, { name, email: uniqueEmail(`${label.toLowerCase()}-primary`) });
  const personIds = contact.persons.map((person) => person.id);
  await api.post(`/v1/orgs/${orgId}/contacts/${contact.id}/portal-access`, { personIds, password: CHOSEN_PASSWORD, passwordPermanent: true });
  const portalToken = (await signedIn(portalName, contact.persons[0]!.email, CHOSEN_PASSWORD)).idToken;
  const docs: { id: string; kind: string }[] = [];
  for (const kind of kinds) {
    for (let index = 0; index < 3; index++) docs.push({ id: (await sentDocument(api, orgId, kind, contact.id)).id, kind });
  }
  docs.push({ id: (await makeDocument(api, orgId, 'invoices', contact.id)).id, kind: 'invoices' });
  const [invoice, , , , , , retainer] = docs;
  const paymentIds = [
    (await api.post(`/v1/orgs/${orgId}/invoices/${invoice!.id}/payments`, { amount: 100 })).body.id,
    (await api.post(`/v1/orgs/${orgId}/retainer-invoices/${retainer!.id}/payments`, { amount: 1000 })).body.id,
  ];
  const commentBodies = [`${label} staff remark ${randomUUID()}`, `${label} customer remark ${randomUUID()}`];
  const commentIds = [
    (await api.post(`/v1/orgs/${orgId}/invoices/${invoice!.id}/comments`, { body: commentBodies[0] })).body.id,
    (await as(portalToken).post(`/v1/portal/${portalName}/documents/${invoice!.id}/comments`, { body: commentBodies[1] })).body.id,
  ];
  return { id: contact.id, name, personIds, emails: contact.persons.map((person) => person.email), portalToken, docs, commentIds, commentBodies, paymentIds };
}

/** A tenant as an attacker or a victim sees it: an organization with two customers, each fully set up. */
export async function newTenant(label: string): Promise<Tenant> {
  const { org, api, token } = await newOrganization({ name: `${label} Trading ${randomUUID()}` });
  const customers = (await Promise.all([customerSide(api, org.id, org.portalName, label), customerSide(api, org.id, org.portalName, label)])) as [
    CustomerSide,
    CustomerSide,
  ];
  const lists = [`/v1/orgs/${org.id}/contacts`, ...kinds.map((kind) => `/v1/orgs/${org.id}/${kind}`)];
  const cursors = (await Promise.all(lists.map(async (path) => (await api.get(`${path}?limit=1`)).body.nextCursor as string))).concat(
    (await as(customers[0].portalToken).get(`/v1/portal/${org.portalName}/documents?limit=1`)).body.nextCursor,
  );
  return { orgId: org.id, orgName: org.name, portalName: org.portalName, staffToken: token, api, customers, cursors };
}

/** Ids and names that must never reach a caller outside their owner: a whole tenant, or one customer of it. */
export function secretsOf(side: Tenant | CustomerSide): string[] {
  if ('customers' in side) return [side.orgId, ...side.customers.flatMap(secretsOf)];
  return [
    side.id,
    side.name,
    ...side.personIds,
    ...side.emails,
    ...side.docs.map((doc) => doc.id),
    ...side.commentIds,
    ...side.commentBodies,
    ...side.paymentIds,
  ];
}
