import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "Money received: offline payments, a contact's credit from paid retainer invoices, and refunds of online payments. Amounts are integers in minor units of the document's currency.",
  operations: {
    'POST /v1/orgs/{orgId}/{kind}/{docId}/payments': {
      description:
        "Records money received outside Portico on a sent invoice or retainer invoice; its status follows (`partially_paid`, `paid`), and the contact's persons are emailed a receipt. More than the balance is `422`. On a retainer invoice the money becomes the contact's credit.",
      example: { amount: 50000, date: '2026-03-15', method: 'bank_transfer', reference: 'SEPA 2026-03-15 Globex' },
    },
    'POST /v1/orgs/{orgId}/invoices/{docId}/credits': {
      description: "Pays an invoice from the contact's credit in the invoice's currency (`422 INSUFFICIENT_CREDIT` when there is not enough).",
      example: { amount: 20000, date: '2026-03-20' },
    },
    'POST /v1/orgs/{orgId}/payments/{paymentId}/refunds': {
      description:
        "Refunds all (without `amount`) or part of a payment made online, through the organization's Stripe account. The amount is reserved before Stripe is asked, so concurrent refunds never exceed the payment. Answers `202` with the refund pending; the document's balance reopens when Stripe reports the refund. Offline payments are refunded the way they were paid (`422 NOT_REFUNDABLE`).",
      example: { amount: 2500 },
    },
  },
} satisfies AreaDocs<typeof routes>;
