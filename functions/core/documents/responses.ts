import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { Comment } from '../comments/responses.ts';
import { PartyView } from '../parties/schema.ts';
import { PortalPayment, StaffPayment } from '../payments/responses.ts';
import { IsoDate, Money, page, Timestamp } from '../shapes.ts';
import { taxCodes } from '../tax/codes.ts';
import { documentKinds } from './kinds.ts';
import { documentStatuses } from './status.ts';

const Line = /* @__PURE__ */ z.lazy(() =>
  z.object({
    description: z.string(),
    quantity: z.number(),
    unitPrice: Money,
    discount: z.optional(z.number().register(z.globalRegistry, { description: 'The line discount as a percentage: `10` is 10 %.' })),
    taxRate: z.optional(z.number().register(z.globalRegistry, { description: 'The tax rate that applies, as a percentage: `19` is 19 %, `0.25` is 0.25 %.' })),
    taxCode: z
      .enum(taxCodes)
      .register(z.globalRegistry, { description: 'The tax category that applies (UNCL 5305: S, AA, Z, E, AE, O), after the reverse-charge and OSS rules.' }),
    hsnSac: z.optional(z.string().register(z.globalRegistry, { description: 'India: HSN or SAC code.' })),
    net: Money,
    /** This line's share of the document discount. */
    discountShare: Money,
    tax: Money,
    total: Money,
  }),
);

const DocumentRef = /* @__PURE__ */ z.lazy(() => z.object({ id: z.string(), number: z.string() }));

/** A staff member as activity entries and documents name them. */
const StaffRef = /* @__PURE__ */ z.lazy(() => z.object({ type: z.literal('staff'), id: z.string(), email: z.optional(z.string()) }));

/** Who did something to a document: staff, a portal person, or Portico itself. */
const ActorRef = /* @__PURE__ */ z.lazy(() =>
  z.discriminatedUnion('type', [
    StaffRef,
    z.object({ type: z.literal('portal'), id: z.string(), name: z.string() }),
    z.object({ type: z.literal('system'), id: z.string() }),
  ]),
);

/** A document as staff see it: its content, totals, lifecycle dates and the bookkeeping to edit it safely. */
export const StaffDocument = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    kind: z.enum(documentKinds),
    number: z.string(),
    /** As of today: overdue and expired follow from dates. */
    status: z.enum(documentStatuses),
    contactId: z.string(),
    currency: z.string().register(z.globalRegistry, { description: 'ISO 4217 code; every amount of the document is in its minor units.' }),
    issueDate: IsoDate,
    dueDate: z.optional(IsoDate),
    expiryDate: z.optional(IsoDate),
    lines: z.array(Line),
    discount: z.optional(z.nullable(z.object({ type: z.enum(['percent', 'amount']), value: z.number() }))),
    taxes: z.array(
      z.object({
        code: z.enum(taxCodes),
        rate: z.number().register(z.globalRegistry, { description: 'A percentage: `19` is 19 %, `0.25` is 0.25 %.' }),
        taxable: Money,
        tax: Money,
        components: z.optional(
          z
            .array(
              z.object({
                name: z.enum(['CGST', 'SGST', 'IGST']),
                rate: z.number().register(z.globalRegistry, { description: 'A percentage: `9` is 9 %, `0.25` is 0.25 %.' }),
                tax: Money,
              }),
            )
            .register(z.globalRegistry, { description: 'India: the parts `tax` is the sum of, CGST + SGST within a state, IGST between states.' }),
        ),
      }),
    ),
    notes: z.optional(z.string()),
    terms: z.optional(z.string()),
    buyerReference: z.optional(z.string().register(z.globalRegistry, { description: "The buyer's reference (BT-10), such as a Leitweg-ID." })),
    subtotal: Money,
    discountTotal: Money,
    taxTotal: Money,
    total: Money,
    /** Cash payments and applied credit together. */
    amountPaid: Money,
    creditsApplied: Money,
    balance: Money,
    sentAt: z.optional(Timestamp),
    viewedAt: z.optional(Timestamp),
    acceptedAt: z.optional(Timestamp),
    declinedAt: z.optional(Timestamp),
    declineReason: z.optional(z.string()),
    voidedAt: z.optional(Timestamp),
    convertedTo: z.optional(DocumentRef),
    convertedFrom: z.optional(DocumentRef),
    invoice: z.optional(DocumentRef).register(z.globalRegistry, { description: 'Credit notes: the invoice it credits.' }),
    lateFeeFor: z.optional(
      z
        .extend(built(DocumentRef), { offset: z.int() })
        .register(z.globalRegistry, { description: 'A late fee: the invoice it is charged on, and the reminder (days after its due date) that charged it.' }),
    ),
    allocation: z.optional(
      z.object({ applied: Money, credited: Money }).register(z.globalRegistry, {
        description: "An issued credit note: `applied` lowered its invoice's balance, `credited` went to the contact's credit.",
      }),
    ),
    creditNotesTotal: z
      .optional(Money)
      .register(z.globalRegistry, { description: 'Invoices: the totals of the credit notes issued against it; never more than its total.' }),
    seller: z.optional(PartyView).register(z.globalRegistry, { description: 'The organization as it was when the document was sent; absent on drafts.' }),
    buyer: z.optional(PartyView).register(z.globalRegistry, { description: 'The contact as it was when the document was sent; absent on drafts.' }),
    gstEinvoice: z.optional(
      z
        .object({ irn: z.string(), ackNo: z.string(), ackDate: z.string(), signedQrCode: z.string() })
        .register(z.globalRegistry, { description: "India: the invoice's registration with the IRP (IRN, acknowledgement and signed QR code)." }),
    ),
    /** A disputed card payment (staff only). */
    dispute: z.optional(z.object({ disputeId: z.string(), status: z.enum(['open', 'won', 'lost']), amount: Money, reason: z.string() })),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    createdBy: StaffRef,
    /** Send it back as `version` when editing: a newer stored version is a 409. */
    version: z.int(),
  }),
);

/** A document as its contact's persons see it: no staff identities, no edit bookkeeping. */
export const PortalDocument = /* @__PURE__ */ z.lazy(() => z.omit(built(StaffDocument), { createdBy: true, version: true, dispute: true }));

const commentsCursor = /* @__PURE__ */ z.lazy(() =>
  z
    .nullable(z.string())
    .register(z.globalRegistry, { description: "Older comments: pass as `cursor` to the document's comments list; null when `comments` holds them all." }),
);
/** A document read brings its latest comments (at most 50, oldest first) and a cursor for older ones. */
export const StaffDocumentThread = /* @__PURE__ */ z.lazy(() =>
  z.extend(built(StaffDocument), { comments: z.array(Comment), commentsCursor, payments: z.array(StaffPayment) }),
);
export const PortalDocumentThread = /* @__PURE__ */ z.lazy(() =>
  z.extend(built(PortalDocument), { comments: z.array(Comment), commentsCursor, payments: z.array(PortalPayment) }),
);

export const StaffDocumentPage = /* @__PURE__ */ z.lazy(() => page(StaffDocument));
/** What a portal list matched in all, over every page: how many, and the balances per currency. */
export const PortalDocumentPage = /* @__PURE__ */ z.lazy(() =>
  z.extend(page(PortalDocument), {
    total: z.int().register(z.globalRegistry, { description: 'How many documents match the filters, over all pages.' }),
    balances: z
      .array(z.object({ currency: z.string(), balance: Money }))
      .register(z.globalRegistry, { description: 'What the matching documents leave owing, per currency.' }),
  }),
);

/** One line of a document's audit trail (staff only). */
export const ActivityEntry = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    docId: z.string(),
    /** created, edited, sent, viewed, accepted, declined, commented, paid, credit_applied, voided, converted, deleted… */
    action: z.string(),
    actor: ActorRef,
    at: Timestamp,
    /** What changed, by action (fields, totals, amounts, recipients). */
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
);

export const ActivityPage = /* @__PURE__ */ z.lazy(() => page(ActivityEntry));

/** An invoice paid from its contact's credit, and the payment that did it. */
export const CreditApplied = /* @__PURE__ */ z.lazy(() => z.object({ invoice: StaffDocument, payment: StaffPayment }));
