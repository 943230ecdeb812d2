import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planMoneyBack } from '../../functions/core/online-payments/money-back.ts';
import type { AppliedStripePayment } from '../../functions/core/online-payments/records.ts';

/** One payment's money on up to four documents, some of it credit, some already given back. */
const appliedPayment = fc
  .array(fc.record({ amount: fc.nat(50_000), credited: fc.nat(20_000), refunded: fc.nat(100), reversed: fc.constant(0), creditTakenBack: fc.nat(100) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) =>
    parts.map(
      (part, index): AppliedStripePayment => ({
        orgId: 'org_1',
        paymentIntentId: 'pi_1',
        sessionId: 'cs_1',
        docId: `doc_${index}`,
        contactId: 'con_1',
        currency: 'EUR',
        amount: part.amount + part.refunded,
        credited: part.credited + part.creditTakenBack,
        refunded: part.refunded,
        reversed: part.reversed,
        creditTakenBack: part.creditTakenBack,
        refundRequested: 0,
        version: 1,
      }),
    ),
  );

const left = (applied: AppliedStripePayment) => ({
  document: applied.amount - applied.refunded - applied.reversed,
  credit: applied.credited - applied.creditTakenBack!,
});

describe('where money given back comes from', () => {
  it('takes exactly the amount from where the payment put it, never more than is left, in the stated order', () => {
    fc.assert(
      fc.property(
        appliedPayment,
        fc.nat(120_000).map((amount) => amount + 1),
        fc.constantFrom('refund' as const, 'reversal' as const),
        fc.option(fc.nat(3)),
        (applied, amount, kind, asked) => {
          const askedFor = kind === 'refund' && asked !== null && asked < applied.length ? `doc_${asked}` : undefined;
          const { takes, shortfall } = planMoneyBack(applied, { kind, amount, askedFor });
          const taken = takes.reduce((sum, take) => sum + take.fromDocument + take.fromCredit, 0);
          const available = applied.reduce((sum, each) => sum + left(each).document + left(each).credit, 0);
          expect(taken + shortfall).toBe(amount);
          expect(shortfall).toBe(Math.max(0, amount - available));
          for (const take of takes) {
            expect(take.fromDocument).toBeLessThanOrEqual(left(take.applied).document);
            expect(take.fromCredit).toBeLessThanOrEqual(left(take.applied).credit);
            expect(take.fromDocument + take.fromCredit).toBeGreaterThan(0);
          }
          const from = (docId: string) => takes.find((take) => take.applied.docId === docId);
          if (askedFor) {
            // The document that asked gives first, up to what it has left.
            const own = applied.find((each) => each.docId === askedFor)!;
            expect(from(askedFor)?.fromDocument ?? 0).toBe(Math.min(amount, left(own).document));
          } else if (kind === 'refund') {
            // Unasked: credit the payment created goes before any document.
            const credit = applied.reduce((sum, each) => sum + left(each).credit, 0);
            const fromDocuments = takes.reduce((sum, take) => sum + take.fromDocument, 0);
            if (fromDocuments > 0) expect(takes.reduce((sum, take) => sum + take.fromCredit, 0)).toBe(credit);
          } else {
            // A lost dispute: documents before credit.
            const documents = applied.reduce((sum, each) => sum + left(each).document, 0);
            if (takes.some((take) => take.fromCredit > 0)) expect(takes.reduce((sum, take) => sum + take.fromDocument, 0)).toBe(documents);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
