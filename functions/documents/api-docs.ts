import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "Invoices, estimates, retainer invoices and credit notes (`{kind}`: `invoices`, `estimates`, `retainer-invoices`, `credit-notes`): drafts, numbers, sending (issuing a credit note), voiding, conversion, PDFs and the audit trail. Amounts are integers in minor units of the document's currency; rates are percentages.",
  operations: {
    'POST /v1/orgs/{orgId}/{kind}': {
      description:
        "Creates a draft and gives it the kind's next number (`INV-000001`, `EST-…`, `RET-…`, `CN-…`), unbroken. Totals are computed by Portico: each line's net is quantity × `unitPrice` less its `discount` %, the document `discount` is spread over the lines, and tax is rounded once per rate. `currency` defaults to the organization's, `issueDate` to today in the organization's time zone, an invoice's `dueDate` to its issue date (due on receipt); estimates take `expiryDate` instead of `dueDate`; credit notes take neither, and may name the `invoiceId` they credit (its currency is then the default; same contact and currency, a sent invoice that is not void, at most its total less what earlier credit notes credited on it: `422 CREDIT_EXCEEDS_INVOICE` with `creditable`; another organization's invoice is `404`). `taxRate: 0.25` is 0.25 % — a real rate (India's GST has 0.25 % and 0.1 %), not a quarter.",
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
        buyerReference: 'PO-2026-0193',
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
        "The draft becomes `sent` and appears in the portal; the contact's persons with portal access are emailed shortly after (by the consumer lane, not within the request). Sending a credit note issues it, once: in the same transaction its invoice's balance goes down by as much of it as the invoice still owes (a credit note taking it to zero makes it `paid`), the rest goes to the contact's credit (`allocation` says which), and the `credit_note.issued` event is published. A credit note of nothing is `422 EMPTY_CREDIT_NOTE`; an invoice voided meanwhile `409`.",
    },
    'POST /v1/orgs/{orgId}/{kind}/{docId}/void': {
      description:
        "A voided document keeps its number. A document with money on it cannot be voided (`409 HAS_PAYMENTS`), nor a credit note that lowered its invoice's balance (`409 CREDIT_NOTE_APPLIED`: issue an invoice to undo it). Voiding an issued credit note takes back the credit it gave, while the contact still has that much (`409 CREDIT_NOTE_CREDIT_SPENT` otherwise).",
    },
  },
} satisfies AreaDocs<typeof routes>;
