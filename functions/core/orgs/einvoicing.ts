import * as z from 'zod/mini';
import { Email } from '../contacts/schema.ts';
import { Unprocessable } from '../errors.ts';
import { electronicForm, isBic, isIban } from '../parties/iban.ts';
import { NameInput } from '../shapes.ts';

/**
 * What an organization adds to its e-invoices beyond its profile: who answers questions about an invoice
 * (EN 16931 BG-6, seller contact) and the account it is paid into (BG-17, credit transfer). XRechnung requires
 * both the contact's name, telephone and email (BR-DE-2, BR-DE-5…7); every invoice PDF shows the account.
 */

const SellerContactInput = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    name: NameInput(100).register(z.globalRegistry, {
      description: 'The person or department that answers questions about invoices (BT-41): `Accounts receivable`.',
    }),
    phone: z.optional(
      z.string().check(
        z.trim(),
        // At least three digits, as XRechnung's own check (BR-DE-27) wants.
        z.regex(/^(?=(?:\D*\d){3})\+?[0-9(][0-9 ()./-]{2,38}$/, 'Expected a telephone number such as +49 30 1234567 or (030) 1234567.'),
        z.describe(
          'Telephone (BT-42): at least three digits, with an optional leading + and spaces, brackets, dots, slashes or hyphens. XRechnung requires it.',
        ),
      ),
    ),
    email: Email.check(z.describe('Email for questions about invoices (BT-43).')),
  }),
);

const PaymentAccountInput = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    iban: z
      .string()
      .check(
        z.maxLength(50),
        z.overwrite(electronicForm),
        z.describe(
          'The IBAN customers pay into (BT-84); spaces are removed and letters upper-cased. Its check digits are verified (422 INVALID_IBAN otherwise).',
        ),
      ),
    bic: z.optional(
      z.string().check(z.maxLength(20), z.overwrite(electronicForm), z.describe("The bank's BIC, 8 or 11 characters (BT-86); optional within SEPA.")),
    ),
    accountName: z.optional(NameInput(140).register(z.globalRegistry, { description: "The account holder's name (BT-85); default: the organization's name." })),
  }),
);

export const EInvoicingSettingsInput = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      contact: z.optional(z.nullable(SellerContactInput)),
      paymentAccount: z.optional(z.nullable(PaymentAccountInput)),
    })
    .register(z.globalRegistry, {
      description:
        'The seller contact (BG-6) and the bank account (BG-17) e-invoices carry and invoice PDFs show. Each part given replaces the stored one; `null` removes it; a part not given stays.',
    }),
);

export type SellerContact = z.infer<typeof SellerContactInput>;
export type PaymentAccount = z.infer<typeof PaymentAccountInput>;
export type EInvoicingSettingsChange = z.infer<typeof EInvoicingSettingsInput>;

/** The organization's e-invoicing settings as stored; a part absent was never given or was removed. */
export interface EInvoicingSettings {
  contact?: SellerContact;
  paymentAccount?: PaymentAccount;
}

/** Refuses an IBAN whose check digits are wrong and a malformed BIC (422, naming the field), before anything is stored. */
export function assertEInvoicingSettings(change: EInvoicingSettingsChange, field = 'einvoicing'): void {
  const account = change.paymentAccount;
  if (!account) return;
  if (!isIban(account.iban)) {
    throw new Unprocessable('INVALID_IBAN', 'The IBAN is malformed or its check digits are wrong.', { field: `${field}.paymentAccount.iban` });
  }
  if (account.bic !== undefined && !isBic(account.bic)) {
    throw new Unprocessable('INVALID_BIC', 'A BIC has 8 or 11 letters and digits: bank, country, location and an optional branch.', {
      field: `${field}.paymentAccount.bic`,
    });
  }
}

/** The stored settings after a change: each part given replaces the stored one, `null` removes it. */
export function changedEInvoicingSettings(current: EInvoicingSettings | undefined, change: EInvoicingSettingsChange): EInvoicingSettings {
  const next: EInvoicingSettings = { ...current };
  if (change.contact !== undefined) next.contact = change.contact ?? undefined;
  if (change.paymentAccount !== undefined) next.paymentAccount = change.paymentAccount ?? undefined;
  return Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined));
}

/** The settings as the staff API shows them: both parts, null when not given. */
export const eInvoicingView = (settings: EInvoicingSettings | undefined) => ({
  contact: settings?.contact ?? null,
  paymentAccount: settings?.paymentAccount ?? null,
});

export const EInvoicingSettingsView = /* @__PURE__ */ z.lazy(() =>
  z.object({
    contact: z.nullable(z.object({ name: z.string(), phone: z.optional(z.string()), email: z.string() })),
    paymentAccount: z.nullable(z.object({ iban: z.string(), bic: z.optional(z.string()), accountName: z.optional(z.string()) })),
  }),
);
