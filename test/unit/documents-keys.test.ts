import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { statusFilter } from '../../functions/core/documents/status-filter.ts';

describe('document keys', () => {
  it('keeps a document, its comments, payments and activity in one tenant-prefixed partition', () => {
    expect(keys.document('org_1', 'doc_1')).toEqual({ PK: 'ORG#org_1#DOC#doc_1', SK: 'DOC' });
    expect(keys.comment('org_1', 'doc_1', '2026-01-01T00:00:00.000Z', 'cmt_1')).toEqual({
      PK: 'ORG#org_1#DOC#doc_1',
      SK: 'COMMENT#2026-01-01T00:00:00.000Z#cmt_1',
    });
    expect(keys.payment('org_1', 'doc_1', 't', 'pay_1').SK).toBe('PAYMENT#t#pay_1');
    expect(keys.activity('org_1', 'doc_1', 't', 'act_1').SK).toBe('ACTIVITY#t#act_1');
    expect(keys.documentCollection('org_1', 'doc_1', 'comment')).toEqual({ PK: 'ORG#org_1#DOC#doc_1', SKPrefix: 'COMMENT#' });
  });

  it('sorts the collection so that SK >= DOC is the document, its ledger and payments, and the comment tally is no comment', () => {
    const tally = keys.commentTally('o', 'd').SK;
    const sortKeys = ['ACTIVITY#t#a', 'CHECKOUT#s', 'COMMENT#t#c', tally, 'DOC', 'LEDGER#e', 'PAYMENT#t#p'].sort();
    expect(sortKeys.filter((sk) => sk >= keys.documentWithPaymentsStart)).toEqual(['DOC', 'LEDGER#e', 'PAYMENT#t#p']);
    expect(sortKeys.filter((sk) => sk.startsWith(keys.documentCollection('o', 'd', 'comment').SKPrefix))).toEqual(['COMMENT#t#c']);
  });

  it('builds index keys for lists, the portal, receivables, sequences, idempotency and credit', () => {
    expect(keys.documentKindIndex('o', 'invoice', 42)).toEqual({ GSI1PK: 'ORG#o#KIND#invoice', GSI1SK: '000000000042' });
    expect(keys.contactDocumentIndex('o', 'c', '2026-01-02', 'd')).toEqual({ GSI2PK: 'ORG#o#CONTACT#c#DOCS', GSI2SK: '2026-01-02#d' });
    expect(keys.contactPaymentIndex('o', 'c', '2026-01-02', 'p')).toEqual({ GSI2PK: 'ORG#o#CONTACT#c#PAYMENTS', GSI2SK: '2026-01-02#p' });
    expect(keys.receivableIndex('o', 'c', 'd')).toEqual({ GSI3PK: 'ORG#o#RECEIVABLES', GSI3SK: 'c#d' });
    expect(keys.sequence('o', 'invoice')).toEqual({ PK: 'ORG#o', SK: 'SEQUENCE#invoice' });
    expect(keys.idempotency('o', 'create-invoice', 'k')).toEqual({ PK: 'ORG#o', SK: 'IDEMPOTENCY#create-invoice#k' });
    expect(keys.contactCredit('o', 'c', 'EUR')).toEqual({ PK: 'ORG#o', SK: 'CREDIT#c#EUR' });
  });
});

describe('statusFilter', () => {
  it('selects stored statuses, and writes the date rule of derived ones as a condition', () => {
    expect(statusFilter('paid', '2026-01-01')).toEqual({ expression: '#status IN (:status0)', names: { '#status': 'status' }, values: { ':status0': 'paid' } });
    const overdue = statusFilter('overdue', '2026-01-01');
    expect(overdue.values).toMatchObject({ ':status0': 'sent', ':status1': 'viewed', ':status2': 'partially_paid', ':today': '2026-01-01' });
    expect(overdue.expression).toContain('#kind <> :estimate');
    expect(statusFilter('sent', '2026-01-01').expression).toContain('NOT ((#kind = :estimate');
  });
});
