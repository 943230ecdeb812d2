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
    'GET /v1/orgs/{orgId}/contacts/{contactId}/credits': {
      description:
        'One item per currency the contact holds credit in (answered whole: bounded by the currencies): `available` to apply to invoices, and `owed` when refunded or charged-back money had already been spent. The movements behind each are paged on `…/credits/{currency}/entries`.',
    },
    'GET /v1/orgs/{orgId}/contacts/{contactId}/credits/{currency}/entries': {
      description:
        'The movements of the credit in one currency, oldest first, each signed (in positive, out negative) and tied to what caused it: a paid retainer invoice, money paid online that a document no longer owed, credit applied to an invoice, a refund or a lost dispute. A currency the contact holds no credit in is an empty page.',
    },
    'POST /v1/orgs/{orgId}/payments/{paymentId}/refunds': {
      description:
        "Refunds all (without `amount`) or part of a payment made online, through the organization's Stripe account. The amount is reserved before Stripe is asked, so concurrent refunds never exceed the payment. Answers `202` with the refund pending; the document's balance reopens when Stripe reports the refund. Offline payments are refunded the way they were paid (`422 NOT_REFUNDABLE`).",
      example: { amount: 2500 },
    },
  },
} satisfies AreaDocs<typeof routes>;
