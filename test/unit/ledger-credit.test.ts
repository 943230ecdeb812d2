import { beforeAll, describe, expect, it } from 'vitest';
import type { CreditMovement } from '../../functions/core/ledger/credit.ts';

beforeAll(() => {
  // The steps name the table; nothing is sent.
  process.env.TABLE_NAME ??= 'unit-table';
});

const { creditSteps } = await import('../../functions/core/ledger/credit.ts');

const source = { type: 'stripe_refund' as const, id: 're_1' };
const movement = (overrides: Partial<CreditMovement>): CreditMovement => ({
  kind: 'refunded',
  source,
  amount: -100,
  contactId: 'con_1',
  currency: 'EUR',
  docId: 'doc_1',
  ...overrides,
});

describe('credit steps', () => {
  it('write one entry of the sum for movements with the same entry id, and update the credit once', () => {
    // One refund taking money from a retainer's credit and from the credit its overpayment made: the same kind, source and document.
    const steps = creditSteps('org_1', [movement({ amount: -5_000 }), movement({ amount: -2_000, documentNumber: 'RET-000001' })], '2026-03-01');
    const puts = steps.flatMap((step) => (step.write.Put ? [step.write.Put.Item] : []));
    const updates = steps.flatMap((step) => (step.write.Update ? [step.write.Update] : []));
    expect(puts).toEqual([
      expect.objectContaining({
        SK: 'CREDIT_ENTRY#con_1#EUR#refunded:stripe_refund:re_1:doc_1',
        id: 'refunded:stripe_refund:re_1:doc_1',
        amount: -7_000,
        documentNumber: 'RET-000001',
        date: '2026-03-01',
      }),
    ]);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.ExpressionAttributeValues).toMatchObject({ ':amount': -7_000 });
  });

  it('keep movements of different documents or kinds apart', () => {
    const steps = creditSteps(
      'org_1',
      [movement({}), movement({ docId: 'doc_2' }), movement({ kind: 'reversed', source: { type: 'stripe_dispute', id: 'dp_1' } })],
      '2026-03-01',
    );
    const ids = steps.flatMap((step) => (step.write.Put ? [step.write.Put.Item!.id] : []));
    expect(ids).toEqual(['refunded:stripe_refund:re_1:doc_1', 'refunded:stripe_refund:re_1:doc_2', 'reversed:stripe_dispute:dp_1:doc_1']);
  });
});
