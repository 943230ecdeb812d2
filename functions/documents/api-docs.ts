import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "Invoices, estimates and retainer invoices (`{kind}`: `invoices`, `estimates`, `retainer-invoices`): drafts, numbers, sending, voiding, conversion, PDFs and the audit trail. Amounts are integers in minor units of the document's currency; rates are percentages.",
  operations: {
    'POST /v1/orgs/{orgId}/{kind}': {
      description:
        "Creates a draft and gives it the kind's next number (`INV-000001`, `EST-…`, `RET-…`), unbroken. Totals are computed by Portico: each line's net is quantity × `unitPrice` less its `discount` %, the document `discount` is spread over the lines, and tax is rounded once per rate. `currency` defaults to the organization's, `issueDate` to today in the organization's time zone, an invoice's `dueDate` to its issue date (due on receipt); estimates take `expiryDate` instead of `dueDate`. `taxRate: 0.25` is 0.25 % — a real rate (India's GST has 0.25 % and 0.1 %), not a quarter.",
      example: {
        contactId: 'con_3n5b7v9c1x2z4m6k',
        currency: 'EUR',
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        lines: [
          { description: 'Consulting, March', quantity: 12.5, unitPrice: 9500, taxRate: 19 },
          { description: 'Gold coin (GST 0.25 %)', quantity: 1, unitPrice: 250000, discount: 5, taxRate: 0.25 },
        ],
        discount: { type: 'percent', value: 2 },
        notes: 'Thank you for your business.',
      },
    },
    'PATCH /v1/orgs/{orgId}/{kind}/{docId}': {
      description:
        'Edits a draft; only the fields given change, and totals are computed again. Send the `version` you read: if someone changed the draft since, the answer is `409 CONCURRENT_MODIFICATION` and nothing is written. Sent documents cannot be edited (`409`).',
      example: { version: 3, dueDate: '2026-04-15', lines: [{ description: 'Consulting, March', quantity: 14, unitPrice: 9500, taxRate: 19 }] },
    },
    'DELETE /v1/orgs/{orgId}/{kind}/{docId}': {
      description: 'Only the most recently numbered draft can be deleted, so numbers stay unbroken (`409 NOT_LATEST_NUMBER` otherwise: void it instead).',
    },
    'POST /v1/orgs/{orgId}/{kind}/{docId}/send': {
      description:
        "The draft becomes `sent` and appears in the portal; the contact's persons with portal access are emailed shortly after (by the consumer lane, not within the request).",
    },
  },
} satisfies AreaDocs<typeof routes>;
