import { beforeAll, describe, expect, it } from 'vitest';
import type { PortalPerson, StaffMember } from '../../functions/core/access/actor.ts';
import { systemActor } from '../../functions/core/access/actor.ts';
import type { Step } from '../../functions/core/audit/commit.ts';
import type { TransactionStep } from '../../functions/core/db/transact.ts';
import type { StoredDocument } from '../../functions/core/documents/schema.ts';

beforeAll(() => {
  // The steps name the table; nothing is sent.
  process.env.TABLE_NAME ??= 'unit-table';
});

const { decide, decideCreation } = await import('../../functions/core/documents/commands.ts');
const { creditInvoice } = await import('../../functions/core/documents/credit-notes.ts');

const staff: StaffMember = { kind: 'staff', staffId: 'stf_1', orgId: 'org_1', role: 'owner', email: 'owner@example.test' };
const person: PortalPerson = { kind: 'portal', orgId: 'org_1', contactId: 'con_1', personId: 'per_1', name: 'Pat', permissions: ['view', 'approve', 'pay'] };

function makeInvoice(overrides: Partial<StoredDocument> = {}): StoredDocument {
  return {
    id: 'doc_1',
    orgId: 'org_1',
    kind: 'invoice',
    number: 'INV-000001',
    sequence: 1,
    status: 'sent',
    contactId: 'con_1',
    currency: 'EUR',
    issueDate: '2026-01-01',
    dueDate: '2099-01-31',
    lines: [],
    taxes: [],
    subtotal: 10000,
    discountTotal: 0,
    taxTotal: 0,
    total: 10000,
    amountPaid: 0,
    creditsApplied: 0,
    balance: 10000,
    createdBy: { type: 'staff', id: 'stf_1' },
    version: 3,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Today in the organization's time zone, as its services pass it. */
const on = '2026-01-15';

type Item = Record<string, unknown>;
const writes = (steps: Step[]) => steps.filter((step): step is TransactionStep => 'write' in step);
const puts = (steps: Step[]) => writes(steps).flatMap((step) => (step.write.Put ? [step.write.Put.Item as Item] : []));
const ofType = (steps: Step[], type: string) => puts(steps).filter((item) => item.type === type);
const auditRecords = (steps: Step[]) => steps.flatMap((step) => ('audit' in step ? [step.audit] : []));

describe('the document writer', () => {
  it('sends a draft: status, stamp, version, activity and the outbox event in one set of steps', () => {
    const { document, steps } = decide(makeInvoice({ status: 'draft' }), 'send', staff, {
      on,
      details: { recipients: ['per_1'] },
      event: { docId: 'doc_1', recipients: ['per_1'] },
    });
    expect(document).toMatchObject({ status: 'sent', version: 4 });
    expect(document.sentAt).toBe(document.updatedAt);
    const [write] = writes(steps);
    expect(write!.write.Put!.ConditionExpression).toBe('#version = :version AND #status = :status');
    expect(write!.write.Put!.ExpressionAttributeValues).toEqual({ ':version': 3, ':status': 'draft' });
    expect(ofType(steps, 'activity')).toEqual([
      expect.objectContaining({ action: 'sent', actor: { type: 'staff', id: 'stf_1', email: 'owner@example.test' }, details: { recipients: ['per_1'] } }),
    ]);
    expect(ofType(steps, 'outbox')).toEqual([
      expect.objectContaining({ eventType: 'document.sent', orgId: 'org_1', data: { docId: 'doc_1', recipients: ['per_1'] } }),
      // What it now leaves open, for the receivables aggregates.
      expect.objectContaining({
        eventType: 'receivable.changed',
        data: { docId: 'doc_1', version: 4, contactId: 'con_1', currency: 'EUR', before: null, after: { dueDate: '2099-01-31', balance: document.balance } },
      }),
    ]);
    // The trail names the member by id and role only: no email in an entry that can never be changed.
    expect(auditRecords(steps)).toEqual([
      {
        orgId: 'org_1',
        at: expect.any(String),
        actor: { type: 'staff', id: 'stf_1', role: 'owner' },
        action: 'invoice.sent',
        subject: { type: 'invoice', id: 'doc_1' },
      },
    ]);
    expect(steps).toHaveLength(5);
  });

  it('lets the status of a payment follow from the amounts, and says so in the trail', () => {
    const event = { docId: 'doc_1', paymentId: 'pay_1', amount: 4000, currency: 'EUR', date: '2026-01-02', balance: 6000 };
    const paying = (amount: number) => [{ kind: 'payment' as const, source: { type: 'payment' as const, id: 'pay_1' }, amount, date: '2026-01-02' }];
    const partial = decide(makeInvoice(), 'pay', systemActor('stripe'), { on, entries: paying(4000), event });
    expect(partial.document.status).toBe('partially_paid');
    expect(partial.document).toMatchObject({ amountPaid: 4000, balance: 6000 });
    expect(ofType(partial.steps, 'ledger-entry')).toEqual([
      expect.objectContaining({
        id: 'payment:payment:pay_1',
        docId: 'doc_1',
        amount: 4000,
        date: '2026-01-02',
        GSI2SK: '2026-01-02#doc_1#payment:payment:pay_1',
      }),
    ]);
    expect(ofType(partial.steps, 'activity')[0]).toMatchObject({
      action: 'paid',
      actor: { type: 'system', id: 'stripe' },
      details: { status: 'partially_paid' },
    });
    const full = decide(makeInvoice(), 'pay', staff, { on, entries: paying(10000), event: { ...event, amount: 10000, balance: 0 } });
    expect(full.document.status).toBe('paid');
  });

  it('credits an invoice by a credit note: as much as it owes, never below zero, never beyond what was invoiced', () => {
    const note = { id: 'doc_cn', number: 'CN-000001', contactId: 'con_1', currency: 'EUR', total: 3000, issueDate: '2026-01-20' };
    const part = creditInvoice(makeInvoice({ status: 'partially_paid', amountPaid: 8000, balance: 2000 }), note, staff, on);
    expect(part.applied).toBe(2000);
    expect(part.document).toMatchObject({ status: 'paid', amountPaid: 10000, balance: 0, creditNotesTotal: 3000 });
    // Dated the note's issue date unless that is still ahead; the statement shows the note's number.
    expect(ofType(part.steps, 'ledger-entry')).toEqual([
      expect.objectContaining({ id: 'credit_note:credit_note:doc_cn', kind: 'credit_note', amount: 2000, date: on, sourceNumber: 'CN-000001' }),
    ]);
    const paid = creditInvoice(makeInvoice({ status: 'paid', amountPaid: 10000, balance: 0 }), note, staff, on);
    expect(paid.applied).toBe(0);
    expect(ofType(paid.steps, 'ledger-entry')).toEqual([]);
    expect(() => creditInvoice(makeInvoice({ creditNotesTotal: 8000 }), note, staff, on)).toThrow(
      expect.objectContaining({ status: 422, code: 'CREDIT_EXCEEDS_INVOICE', details: { field: 'lines', creditable: 2000 } }),
    );
    expect(() => creditInvoice(makeInvoice({ status: 'void' }), note, staff, on)).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => creditInvoice(makeInvoice(), { ...note, currency: 'USD' }, staff, on)).toThrow(expect.objectContaining({ code: 'INVOICE_MISMATCH' }));
    expect(() => decide(makeInvoice({ kind: 'credit-note', allocation: { applied: 1, credited: 0 } }), 'void', staff, { on })).toThrow(
      expect.objectContaining({ status: 409, code: 'CREDIT_NOTE_APPLIED' }),
    );
  });

  it('records a first view once, keeping a status other than sent', () => {
    const { document, steps } = decide(makeInvoice({ status: 'partially_paid' }), 'view', person, { on });
    expect(document.status).toBe('partially_paid');
    expect(document.viewedAt).toBeDefined();
    expect(writes(steps)[0]!.write.Put!.ConditionExpression).toContain('attribute_not_exists(viewedAt)');
    expect(decide(makeInvoice(), 'view', person, { on }).document.status).toBe('viewed');
  });

  it('a comment writes beside the document without changing it', () => {
    const { document, steps } = decide(makeInvoice(), 'comment', person, {
      on,
      event: { docId: 'doc_1', commentId: 'cmt_1', author: { type: 'portal', name: 'Pat' }, body: 'Hi' },
    });
    expect(document.version).toBe(3);
    expect(writes(steps)[0]!.write.ConditionCheck).toMatchObject({ ConditionExpression: 'attribute_exists(PK)' });
    expect(ofType(steps, 'document')).toEqual([]);
    expect(ofType(steps, 'outbox')[0]).toMatchObject({ eventType: 'comment.created' });
  });

  it('deletes a draft with a conditioned delete', () => {
    const { steps } = decide(makeInvoice({ status: 'draft' }), 'delete', staff, { on });
    expect(writes(steps)[0]!.write.Delete).toMatchObject({ ExpressionAttributeValues: { ':version': 3, ':status': 'draft' } });
  });

  it('refuses by rule: guards, other contacts, other organizations, missing event data', () => {
    expect(() => decide(makeInvoice({ amountPaid: 1 }), 'void', staff, { on })).toThrow(expect.objectContaining({ status: 409, code: 'HAS_PAYMENTS' }));
    const overpaid = {
      entries: [{ kind: 'payment' as const, source: { type: 'payment' as const, id: 'pay_1' }, amount: 10001 }],
      event: { docId: 'doc_1', paymentId: 'pay_1', amount: 10001, currency: 'EUR', date: '2026-01-02', balance: -1 },
    };
    expect(() => decide(makeInvoice(), 'pay', staff, { on, ...overpaid })).toThrow(
      expect.objectContaining({ status: 422, code: 'OVERPAYMENT', details: { field: 'amount', balance: 10000 } }),
    );
    expect(() => decide(makeInvoice(), 'view', { ...person, contactId: 'con_2' }, { on })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => decide(makeInvoice(), 'void', { ...staff, orgId: 'org_2' }, { on })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => decide(makeInvoice({ status: 'draft' }), 'send', staff, { on })).toThrow(/must say what its document.sent event carries/);
  });

  it("judges overdue and expiry on the organization's today, and dates an entry without a date on it", () => {
    const estimate = makeInvoice({ kind: 'estimate', number: 'EST-000001', dueDate: undefined, expiryDate: '2026-03-01' });
    expect(decide(estimate, 'accept', person, { on: '2026-03-01' }).document.status).toBe('accepted');
    expect(() => decide(estimate, 'accept', person, { on: '2026-03-02' })).toThrow(
      expect.objectContaining({ status: 409, code: 'INVALID_STATUS_TRANSITION', details: { action: 'accept', status: 'expired' } }),
    );
    const invoice = makeInvoice({ dueDate: '2026-01-31' });
    const event = { docId: 'doc_1', paymentId: 'pay_1', amount: 100, currency: 'EUR', date: '2026-02-01', balance: 9900 };
    const paid = decide(invoice, 'pay', staff, {
      on: '2026-02-01',
      entries: [{ kind: 'payment', source: { type: 'payment', id: 'pay_1' }, amount: 100 }],
      event,
    });
    expect(ofType(paid.steps, 'ledger-entry')).toEqual([expect.objectContaining({ date: '2026-02-01' })]);
    expect(ofType(paid.steps, 'activity')[0]).toMatchObject({ details: { status: 'partially_paid' } });
  });

  it('creates a draft only as staff, with its first activity entry', () => {
    const draft = makeInvoice({ status: 'draft', version: 1 });
    const { steps } = decideCreation(draft, staff, { details: { number: 'INV-000001' } });
    expect(writes(steps)[0]!.write.Put!.ConditionExpression).toBe('attribute_not_exists(PK)');
    expect(ofType(steps, 'activity')[0]).toMatchObject({ action: 'created', details: { number: 'INV-000001' } });
    expect(() => decideCreation(draft, person)).toThrow(expect.objectContaining({ status: 422, code: 'ACTION_NOT_ALLOWED' }));
  });

  it("writes a late fee's invoice already sent, as the system only, and announces what it leaves open", () => {
    const fee = makeInvoice({ id: 'doc_fee', status: 'draft', version: 1, dueDate: on, total: 179, balance: 179 });
    const event = { docId: 'doc_fee', recipients: ['per_1'] };
    const { document, steps } = decideCreation(fee, systemActor('scheduler'), { details: { offset: 7 }, event }, 'chargeLateFee');
    expect(document).toMatchObject({ status: 'sent', sentAt: fee.createdAt, version: 1 });
    expect(puts(steps)[0]).toMatchObject({ status: 'sent', GSI2PK: expect.any(String), GSI3PK: expect.any(String) });
    expect(ofType(steps, 'activity')[0]).toMatchObject({ action: 'sent', actor: { type: 'system', id: 'scheduler' }, details: { offset: 7 } });
    expect(ofType(steps, 'outbox').map((item) => [item.eventType, item.data])).toEqual([
      ['document.sent', event],
      ['receivable.changed', { docId: 'doc_fee', version: 1, contactId: 'con_1', currency: 'EUR', before: null, after: { dueDate: on, balance: 179 } }],
    ]);
    expect(auditRecords(steps).map((record) => record.action)).toEqual(['invoice.sent']);
    expect(() => decideCreation(fee, staff, { event }, 'chargeLateFee')).toThrow(expect.objectContaining({ status: 422, code: 'ACTION_NOT_ALLOWED' }));
  });
});
