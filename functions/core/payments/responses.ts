import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { creditEntryKinds, entrySourceTypes } from '../ledger/schema.ts';
import { IsoDate, Money, page, Timestamp } from '../shapes.ts';
import { paymentMethods } from './schema.ts';

/** A payment as the contact's persons see it; who recorded it stays with staff. */
export const PortalPayment = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    docId: z.string(),
    contactId: z.string(),
    documentNumber: z.string(),
    currency: z.string(),
    amount: Money,
    date: IsoDate,
    method: z.enum([...paymentMethods, 'credit']),
    reference: z.optional(z.string()),
    createdAt: Timestamp,
  }),
);

/** Staff also see where Stripe keeps a payment made online; the portal never does. */
export const StaffPayment = /* @__PURE__ */ z.lazy(() =>
  z.extend(built(PortalPayment), {
    stripe: z.optional(z.object({ paymentIntentId: z.string(), chargeId: z.optional(z.string()), sessionId: z.string(), eventId: z.string() })),
  }),
);

/** One movement of a contact's credit: signed (in positive, out negative), tied to what caused it. */
const CreditEntry = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    kind: z.enum(creditEntryKinds),
    source: z.object({ type: z.enum(entrySourceTypes), id: z.string() }),
    amount: Money,
    date: IsoDate,
    at: Timestamp,
    docId: z.optional(z.string()),
    documentNumber: z.optional(z.string()),
  }),
);

/** A contact's credit in each currency it holds some in (one item per currency); its entries are paged on their own route. */
export const ContactCreditPage = /* @__PURE__ */ z.lazy(() => page(z.object({ contactId: z.string(), currency: z.string(), available: Money, owed: Money })));

/** One page of a contact's credit entries in one currency, oldest first. */
export const CreditEntryPage = /* @__PURE__ */ z.lazy(() => page(CreditEntry));
