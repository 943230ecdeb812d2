import * as z from 'zod/mini';
import { AmountInput, DateInput } from '../shapes.ts';

export const paymentMethods = ['bank_transfer', 'cash', 'check', 'card', 'other'] as const;

export const PaymentBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    amount: AmountInput,
    date: z
      .optional(DateInput)
      .register(z.globalRegistry, { description: "When the money arrived, at the latest today in the organization's time zone; default: that day." }),
    method: z.optional(z.enum(paymentMethods)),
    reference: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  }),
);

export const CreditBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    amount: AmountInput,
    date: z.optional(z.iso.date().register(z.globalRegistry, { description: "At the latest today in the organization's time zone; default: that day." })),
  }),
);

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));
/** One currency of a contact's credit: its entries are paged apart from the credit itself. */
export const CreditEntriesParams = /* @__PURE__ */ z.lazy(() =>
  z.object({
    orgId: id,
    contactId: id,
    currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as EUR.'), z.describe('ISO 4217 code of the credit, e.g. `EUR`.')),
  }),
);

export type PaymentInput = z.infer<typeof PaymentBody>;
export type CreditInput = z.infer<typeof CreditBody>;

/** Money received against an invoice or retainer invoice; `credit` is the contact's credit applied to an invoice. */
export interface Payment {
  id: string;
  docId: string;
  contactId: string;
  documentNumber: string;
  currency: string;
  amount: number;
  /** YYYY-MM-DD */
  date: string;
  method: (typeof paymentMethods)[number] | 'credit';
  reference?: string;
  /** The staff member who recorded it, or `stripe` for money paid online. */
  recordedBy: string;
  /** Paid online: where Stripe keeps it (staff see these, the portal never does). */
  stripe?: StripePaymentIds;
  createdAt: string;
}

export interface StripePaymentIds {
  paymentIntentId: string;
  chargeId?: string;
  sessionId: string;
  /** The event that applied it. */
  eventId: string;
}
