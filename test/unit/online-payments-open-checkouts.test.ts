import { describe, expect, it } from 'vitest';
import { withStarted } from '../../functions/core/online-payments/open-checkouts.ts';
import type { CheckoutRecord } from '../../functions/core/online-payments/records.ts';

const NOW = 1_800_000_000;

/** A stored checkout made `minute` minutes into the hour, paying the given documents. */
const checkout = (sessionId: string, minute: number, docIds: string[], fields: Partial<CheckoutRecord> = {}): CheckoutRecord => ({
  sessionId,
  orgId: 'org_1',
  accountId: 'acct_1',
  contactId: 'con_1',
  personId: 'per_1',
  currency: 'EUR',
  allocations: docIds.map((docId) => ({ docId, amount: 1000 })),
  total: 1000 * docIds.length,
  status: 'open',
  url: `https://checkout.example/${sessionId}`,
  createdAt: `2027-01-15T10:${String(minute).padStart(2, '0')}:00.000Z`,
  sessionExpiresAt: NOW + 86_400,
  ...fields,
});

describe("a person's open checkouts once a new one starts", () => {
  it('keep those still open, the new one last', () => {
    const listed = [checkout('cs_b', 2, ['doc_b']), checkout('cs_a', 1, ['doc_a'])];
    expect(withStarted(listed, checkout('cs_new', 3, ['doc_c']), NOW)).toEqual({
      open: [
        { sessionId: 'cs_a', createdAt: '2027-01-15T10:01:00.000Z' },
        { sessionId: 'cs_b', createdAt: '2027-01-15T10:02:00.000Z' },
        { sessionId: 'cs_new', createdAt: '2027-01-15T10:03:00.000Z' },
      ],
      expire: [],
    });
  });

  it('drop those no longer open (expired, complete, a bank payment under way, past Stripe’s expiry) and those the new one replaces', () => {
    const listed = [
      checkout('cs_expired', 1, ['doc_a'], { status: 'expired' }),
      checkout('cs_complete', 2, ['doc_b'], { status: 'complete' }),
      checkout('cs_bank', 3, ['doc_c'], { paymentStatus: 'unpaid' }),
      checkout('cs_lapsed', 4, ['doc_d'], { sessionExpiresAt: NOW }),
      checkout('cs_same_doc', 5, ['doc_e', 'doc_f']),
      checkout('cs_kept', 6, ['doc_g']),
    ];
    expect(withStarted(listed, checkout('cs_new', 7, ['doc_f']), NOW).open.map((open) => open.sessionId)).toEqual(['cs_kept', 'cs_new']);
  });

  it('keep a newer session for the same document (a concurrent one): the consumer lane expires the older, this one', () => {
    const listed = [checkout('cs_newer', 8, ['doc_a'])];
    expect(withStarted(listed, checkout('cs_new', 7, ['doc_a']), NOW).open.map((open) => open.sessionId)).toEqual(['cs_newer', 'cs_new']);
  });

  it('hold at most 10: the 11th expires the oldest of the others, never the new one', () => {
    const listed = Array.from({ length: 10 }, (_, index) => checkout(`cs_${index}`, 10 + index, [`doc_${index}`])).reverse();
    const result = withStarted(listed, checkout('cs_new', 1, ['doc_new']), NOW);
    expect(result.expire).toEqual(['cs_0']);
    expect(result.open.map((open) => open.sessionId)).toEqual(['cs_1', 'cs_2', 'cs_3', 'cs_4', 'cs_5', 'cs_6', 'cs_7', 'cs_8', 'cs_9', 'cs_new']);
    expect(withStarted(listed, checkout('cs_new', 30, ['doc_new']), NOW, 3).expire).toEqual(['cs_0', 'cs_1', 'cs_2', 'cs_3', 'cs_4', 'cs_5', 'cs_6', 'cs_7']);
  });

  it('order two made in the same millisecond by id', () => {
    const listed = [checkout('cs_b', 1, ['doc_b']), checkout('cs_a', 1, ['doc_a'])];
    expect(withStarted(listed, checkout('cs_new', 2, ['doc_c']), NOW, 2)).toEqual({
      open: [
        { sessionId: 'cs_b', createdAt: '2027-01-15T10:01:00.000Z' },
        { sessionId: 'cs_new', createdAt: '2027-01-15T10:02:00.000Z' },
      ],
      expire: ['cs_a'],
    });
  });
});
