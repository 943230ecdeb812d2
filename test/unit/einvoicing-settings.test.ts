import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { changedEInvoicingSettings, EInvoicingSettingsInput } from '../../functions/core/orgs/einvoicing.ts';

const desk = { name: 'Accounts receivable', phone: '+49 30 1234567', email: 'invoices@acme.example' };
const account = { iban: 'DE02120300000000202051' };

describe('e-invoicing settings', () => {
  it('reads an IBAN and a BIC as written on paper, and telephone numbers as people write them', () => {
    const parsed = z.parse(EInvoicingSettingsInput, {
      contact: { ...desk, email: 'Invoices@ACME.example', phone: '(030) 123-45/67' },
      paymentAccount: { iban: 'de02 1203 0000 0000 2020 51', bic: 'byla dem1 001' },
    });
    expect(parsed).toEqual({
      contact: { ...desk, phone: '(030) 123-45/67' },
      paymentAccount: { iban: 'DE02120300000000202051', bic: 'BYLADEM1001' },
    });
    for (const phone of ['12', '+', 'call me', '+49 30 1234567 ext. 5']) {
      expect([phone, z.safeParse(EInvoicingSettingsInput, { contact: { ...desk, phone } }).success]).toEqual([phone, false]);
    }
    expect(z.safeParse(EInvoicingSettingsInput, { contact: { name: desk.name } }).success).toBe(false);
  });

  it('replaces each part given, removes it with null, keeps a part not given', () => {
    const both = changedEInvoicingSettings(undefined, { contact: desk, paymentAccount: account });
    expect(both).toEqual({ contact: desk, paymentAccount: account });
    expect(changedEInvoicingSettings(both, { paymentAccount: null })).toEqual({ contact: desk });
    expect(changedEInvoicingSettings(both, { contact: { name: 'Billing', email: 'billing@acme.example' } })).toEqual({
      contact: { name: 'Billing', email: 'billing@acme.example' },
      paymentAccount: account,
    });
    expect(changedEInvoicingSettings(both, {})).toEqual(both);
  });
});
