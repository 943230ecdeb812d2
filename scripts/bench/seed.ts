import { randomUUID } from 'node:crypto';
import { putCommentStep } from '../../functions/core/comments/repository.ts';
import { batchWrite } from '../../functions/core/db/batch-write.ts';
import { keys } from '../../functions/core/db/keys.ts';
import { composeDocument } from '../../functions/core/documents/compose.ts';
import type { DocumentKind } from '../../functions/core/documents/kinds.ts';
import { documentItem } from '../../functions/core/documents/repository.ts';
import type { StoredDocument } from '../../functions/core/documents/schema.ts';
import { newId } from '../../functions/core/ids.ts';
import { putPaymentStep } from '../../functions/core/payments/repository.ts';
import { retrying } from '../../functions/core/retry.ts';
import type { Client } from '../local/api-client.ts';
import type { InvokeWithEnvironment } from '../local/function-environment.ts';

export const PORTAL_PASSWORD = 'Bench-Portal-Pass-1!';

export interface PortalPerson {
  email: string;
  password: string;
}

export interface SeededOrganization {
  orgId: string;
  portalName: string;
  contactIds: string[];
  /** The first contact's primary person, with portal access. */
  person: PortalPerson;
  /** Further persons with portal access, one per contact after the first: sign-ins measured without meeting the per-email throttle. */
  signInPersons: PortalPerson[];
  docIds: string[];
}

const prefixes: Record<DocumentKind, string> = { invoice: 'INV', estimate: 'EST', 'retainer-invoice': 'RET', 'credit-note': 'CN' };
const kinds: DocumentKind[] = ['invoice', 'invoice', 'estimate', 'retainer-invoice'];

async function pooled<T>(items: T[], concurrency: number, call: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await call(items[next++]!);
    }),
  );
}

/** A write that met the organization's other writes in its audit trail answers 409 CONCURRENT_MODIFICATION, "try again": the seed does, as a client would. */
const againOnConflict = <T>(write: () => Promise<T>) =>
  retrying(write, { retryOn: (error) => String(error).includes('CONCURRENT_MODIFICATION'), attempts: 10, baseDelayMs: 50 });

/**
 * An organization the size of a busy small business: contacts through the API
 * (the first with portal access), then sent documents with payments and
 * comments written in bulk as their repositories build the items (their
 * totals composed by the product), and the sequences set past them.
 */
export async function seedOrganization(
  staff: Client,
  invoke: InvokeWithEnvironment,
  contacts: number,
  documents: number,
  signInPersons = 0,
): Promise<SeededOrganization> {
  const { orgId, portalName, contactIds } = await newBenchOrganization(staff, contacts);
  const org = { id: orgId };
  const withAccess: PortalPerson[] = new Array(1 + signInPersons);
  await pooled(contactIds.slice(0, 1 + signInPersons), 4, async (contactId) => {
    const contact = await staff('GET', `/v1/orgs/${org.id}/contacts/${contactId}`);
    await againOnConflict(() =>
      staff('POST', `/v1/orgs/${org.id}/contacts/${contactId}/portal-access`, {
        personIds: [contact.persons[0].id],
        password: PORTAL_PASSWORD,
        passwordPermanent: true,
      }),
    );
    withAccess[contactIds.indexOf(contactId)] = { email: contact.persons[0].email, password: PORTAL_PASSWORD };
  });

  const items: Record<string, unknown>[] = [];
  const sequences: Record<DocumentKind, number> = { invoice: 0, estimate: 0, 'retainer-invoice': 0, 'credit-note': 0 };
  const docIds: string[] = [];
  const now = new Date().toISOString();
  for (let index = 0; index < documents; index++) {
    const kind = kinds[index % kinds.length]!;
    const contactId = contactIds[index % contacts]!;
    const sequence = ++sequences[kind];
    const issueDate = `2026-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, '0')}`;
    const paid = kind === 'invoice' && index % 3 === 0;
    const document = benchDocument({ orgId: org.id, kind, contactId, sequence, index, issueDate, now, paidHalf: paid });
    docIds.push(document.id);
    invoke({ table: 'readwrite' }, () => {
      items.push(documentItem(document));
      if (document.amountPaid) items.push(paymentItem(document, now));
      if (index % 2 === 0) {
        const comment = {
          id: newId('com'),
          docId: document.id,
          body: `Question about ${document.number}`,
          author: { type: 'staff' as const, id: 'bench', name: 'Bench' },
          createdAt: now,
        };
        items.push(putCommentStep(org.id, comment).write.Put!.Item!);
      }
    });
  }
  for (const contactId of contactIds) items.push({ ...keys.contactHasDocuments(org.id, contactId), type: 'contactHasDocuments', contactId });
  for (const [kind, value] of Object.entries(sequences)) items.push({ ...keys.sequence(org.id, kind as DocumentKind), type: 'sequence', value });
  await writeItems(invoke, items);
  return { orgId: org.id, portalName, contactIds, person: withAccess[0]!, signInPersons: withAccess.slice(1), docIds };
}

/**
 * A new organization with `contacts` contacts, made through the API. In a time zone of its own, as businesses keep
 * their books: one in UTC would skip the work every request of theirs does to know the local date.
 */
export async function newBenchOrganization(staff: Client, contacts: number) {
  const portalName = `bench-${randomUUID().slice(0, 8)}`;
  const org = await staff('POST', '/v1/orgs', { name: `Bench Trading ${portalName}`, portalName, currency: 'EUR', timeZone: 'Europe/Berlin' });
  const contactIds: string[] = new Array(contacts);
  await pooled([...Array(contacts).keys()], 4, async (index) => {
    const contact = await againOnConflict(() =>
      staff('POST', `/v1/orgs/${org.id}/contacts`, { name: `Customer ${index}`, email: `customer-${index}-${portalName}@example.test` }),
    );
    contactIds[index] = contact.id;
  });
  return { orgId: org.id as string, portalName, contactIds };
}

// A seller without tax registrations: the lines' own rates apply.
const domestic = { seller: { name: 'Bench' }, buyer: { name: 'Bench customer' }, oss: false };

/** A sent document as the writer stores it, its totals composed by the product; half paid when asked. */
export function benchDocument(at: {
  orgId: string;
  kind: DocumentKind;
  contactId: string;
  sequence: number;
  index: number;
  issueDate: string;
  dueDate?: string;
  now: string;
  paidHalf?: boolean;
}): StoredDocument {
  const content = composeDocument(
    at.kind,
    {
      contactId: at.contactId,
      currency: 'EUR',
      issueDate: at.issueDate,
      ...(at.dueDate ? { dueDate: at.dueDate } : {}),
      lines: [
        { description: `Consulting, batch ${at.index}`, quantity: 1 + (at.index % 5), unitPrice: 12_000, taxRate: 19 },
        { description: 'Travel', quantity: 1, unitPrice: 4_550, taxRate: 7 },
      ],
    },
    domestic,
  );
  const paid = at.paidHalf ? Math.floor(content.total / 2) : 0;
  return {
    ...content,
    id: newId('doc'),
    orgId: at.orgId,
    kind: at.kind,
    number: `${prefixes[at.kind]}-${String(at.sequence).padStart(6, '0')}`,
    sequence: at.sequence,
    status: paid ? 'partially_paid' : 'sent',
    amountPaid: paid,
    creditsApplied: 0,
    balance: content.total - paid,
    createdBy: { type: 'staff', id: 'bench' },
    sentAt: at.now,
    version: 2,
    createdAt: at.now,
    updatedAt: at.now,
  } as StoredDocument;
}

/** Writes items in bulk, eight batches at a time. */
export async function writeItems(invoke: InvokeWithEnvironment, items: Record<string, unknown>[]) {
  const batches = Array.from({ length: Math.ceil(items.length / 250) }, (_, index) => items.slice(index * 250, index * 250 + 250));
  await pooled(batches, 8, (batch) => invoke({ table: 'readwrite' }, () => batchWrite(batch.map((Item) => ({ PutRequest: { Item } })))));
}

/** The payment item of a document seeded half paid, dated on its issue date. */
export function paymentItem(document: StoredDocument, now: string): Record<string, unknown> {
  const payment = {
    id: newId('pay'),
    docId: document.id,
    contactId: document.contactId,
    documentNumber: document.number,
    currency: 'EUR',
    amount: document.amountPaid,
    date: document.issueDate,
    method: 'bank_transfer' as const,
    recordedBy: 'bench',
    createdAt: now,
  };
  return putPaymentStep(document.orgId, payment).write.Put!.Item!;
}
