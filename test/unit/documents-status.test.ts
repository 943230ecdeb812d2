import { describe, expect, it } from 'vitest';
import { assertAllowed } from '../../functions/core/documents/commands.ts';
import { documentNumber, kindFromPath } from '../../functions/core/documents/kinds.ts';
import { type DocumentAction, rules } from '../../functions/core/documents/rules.ts';
import { effectiveStatus, type StatusFacts, statusAfterPayment } from '../../functions/core/documents/status.ts';
import type { DomainError } from '../../functions/core/errors.ts';

const invoice = (overrides: Partial<StatusFacts> = {}): StatusFacts => ({ kind: 'invoice', status: 'sent', balance: 100, dueDate: '2026-03-31', ...overrides });
const estimate = (overrides: Partial<StatusFacts> = {}): StatusFacts => ({
  kind: 'estimate',
  status: 'sent',
  balance: 100,
  expiryDate: '2026-03-31',
  ...overrides,
});

function refusal(action: DocumentAction, actor: 'staff' | 'portal' | 'system', facts: StatusFacts, on: string) {
  try {
    assertAllowed(action, actor, facts.kind, effectiveStatus(facts, on));
  } catch (error) {
    return { status: (error as DomainError).status, code: (error as DomainError).code };
  }
  return undefined;
}

describe('effectiveStatus', () => {
  it('an unpaid invoice is overdue the day after its due date, not on it', () => {
    expect(effectiveStatus(invoice(), '2026-03-31')).toBe('sent');
    expect(effectiveStatus(invoice(), '2026-04-01')).toBe('overdue');
    expect(effectiveStatus(invoice({ status: 'viewed' }), '2026-04-01')).toBe('overdue');
    expect(effectiveStatus(invoice({ status: 'partially_paid' }), '2026-04-01')).toBe('overdue');
    expect(effectiveStatus(invoice({ kind: 'retainer-invoice' }), '2026-04-01')).toBe('overdue');
  });

  it('never marks drafts, paid, void or zero-balance invoices overdue', () => {
    for (const status of ['draft', 'paid', 'void'] as const) expect(effectiveStatus(invoice({ status }), '2027-01-01')).toBe(status);
    expect(effectiveStatus(invoice({ balance: 0 }), '2027-01-01')).toBe('sent');
  });

  it('an unanswered estimate expires after its expiry date; answered ones and those without a date never do', () => {
    expect(effectiveStatus(estimate(), '2026-03-31')).toBe('sent');
    expect(effectiveStatus(estimate(), '2026-04-01')).toBe('expired');
    expect(effectiveStatus(estimate({ status: 'viewed' }), '2026-04-01')).toBe('expired');
    for (const status of ['accepted', 'declined', 'converted', 'draft'] as const) expect(effectiveStatus(estimate({ status }), '2027-01-01')).toBe(status);
    expect(effectiveStatus(estimate({ expiryDate: undefined }), '2099-01-01')).toBe('sent');
  });

  it('a payment leaves an invoice partially paid or paid', () => {
    expect(statusAfterPayment(100, 99)).toBe('partially_paid');
    expect(statusAfterPayment(100, 100)).toBe('paid');
  });
});

describe('transitions', () => {
  it('lets the portal accept or decline only a sent or viewed, unexpired estimate', () => {
    for (const action of ['accept', 'decline'] as const) {
      expect(refusal(action, 'portal', estimate(), '2026-03-01')).toBeUndefined();
      expect(refusal(action, 'portal', estimate({ status: 'viewed' }), '2026-03-01')).toBeUndefined();
      expect(refusal(action, 'portal', estimate(), '2026-04-01')).toEqual({ status: 409, code: 'INVALID_STATUS_TRANSITION' });
      for (const status of ['draft', 'accepted', 'declined', 'converted', 'void'] as const) {
        expect(refusal(action, 'portal', estimate({ status }), '2026-03-01')).toEqual({ status: 409, code: 'INVALID_STATUS_TRANSITION' });
      }
      expect(refusal(action, 'portal', invoice(), '2026-03-01')).toEqual({ status: 422, code: 'ACTION_NOT_ALLOWED' });
      expect(refusal(action, 'staff', estimate(), '2026-03-01')).toEqual({ status: 422, code: 'ACTION_NOT_ALLOWED' });
    }
  });

  it('only drafts are edited, deleted or sent; only accepted estimates converted', () => {
    for (const action of ['edit', 'delete', 'send'] as const) {
      expect(refusal(action, 'staff', invoice({ status: 'draft' }), '2026-03-01')).toBeUndefined();
      expect(refusal(action, 'staff', invoice(), '2026-03-01')?.status).toBe(409);
    }
    expect(refusal('convert', 'staff', estimate({ status: 'accepted' }), '2026-03-01')).toBeUndefined();
    expect(refusal('convert', 'staff', estimate({ status: 'converted' }), '2026-03-01')?.status).toBe(409);
    expect(refusal('convert', 'staff', invoice({ status: 'draft' }), '2026-03-01')?.status).toBe(422);
  });

  it('payments go to open invoices and retainer invoices, credit only to invoices', () => {
    for (const status of ['sent', 'viewed', 'partially_paid'] as const) expect(refusal('pay', 'staff', invoice({ status }), '2026-05-01')).toBeUndefined();
    expect(refusal('pay', 'staff', invoice({ kind: 'retainer-invoice' }), '2026-03-01')).toBeUndefined();
    for (const status of ['draft', 'paid', 'void'] as const) expect(refusal('pay', 'staff', invoice({ status }), '2026-03-01')?.status).toBe(409);
    expect(refusal('pay', 'staff', estimate(), '2026-03-01')?.status).toBe(422);
    expect(refusal('applyCredit', 'staff', invoice({ kind: 'retainer-invoice' }), '2026-03-01')?.status).toBe(422);
  });

  it('a payment may come from staff or from the system (a webhook), never from a portal person directly', () => {
    expect(refusal('pay', 'system', invoice(), '2026-03-01')).toBeUndefined();
    expect(refusal('pay', 'portal', invoice(), '2026-03-01')).toEqual({ status: 422, code: 'ACTION_NOT_ALLOWED' });
    expect(refusal('send', 'system', invoice({ status: 'draft' }), '2026-03-01')).toEqual({ status: 422, code: 'ACTION_NOT_ALLOWED' });
  });

  it('every rule names an actor and at least one kind and status', () => {
    for (const rule of Object.values(rules)) {
      for (const actor of rule.actors) expect(['staff', 'portal', 'system']).toContain(actor);
      expect(rule.actors.length).toBeGreaterThan(0);
      expect(rule.kinds.length).toBeGreaterThan(0);
      expect(rule.from.length).toBeGreaterThan(0);
    }
  });
});

describe('kinds', () => {
  it('numbers documents per kind with six digits at least', () => {
    expect(documentNumber('invoice', 1)).toBe('INV-000001');
    expect(documentNumber('estimate', 123456)).toBe('EST-123456');
    expect(documentNumber('retainer-invoice', 1234567)).toBe('RET-1234567');
  });

  it('maps path segments to kinds; anything else is not a route', () => {
    expect(kindFromPath('retainer-invoices')).toBe('retainer-invoice');
    expect(() => kindFromPath('contacts')).toThrow(expect.objectContaining({ status: 404, code: 'ROUTE_NOT_FOUND' }));
  });
});
