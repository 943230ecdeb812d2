import * as z from 'zod/mini';
import type { ActorRef } from '../access/actor.ts';
import type { DocumentTotals, TaxLine } from '../money/totals.ts';
import type { Party } from '../parties/schema.ts';
import { DateInput, NameInput, pageCursor, pageLimit } from '../shapes.ts';
import { type TaxCode, taxCodes } from '../tax/codes.ts';
import type { DocumentKind } from './kinds.ts';
import { documentKinds, kindFromPath, kindPaths } from './kinds.ts';
import { documentStatuses, type StoredStatus } from './status.ts';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));
const date = DateInput;
const text = (max: number) => z.string().check(z.maxLength(max));

/** Parsed once into a document kind; an unknown kind is an unknown route (404). The API description lists the kinds. */
const kind = /* @__PURE__ */ z.lazy(() =>
  z.pipe(
    z
      .string()
      .check(z.maxLength(32))
      .register(z.globalRegistry, { description: 'The document kind', enum: [...kindPaths] }),
    z.transform(kindFromPath),
  ),
);
export const KindParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, kind }));
export const DocumentParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, kind, docId: id }));
export const OrgDocumentParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, docId: id }));

/** Numbers are checked by the totals (422 with the field): quantity up to 4 decimals, prices in minor units. */
const Line = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    description: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
    quantity: z.number().register(z.globalRegistry, { description: 'Greater than 0, at most 4 decimals: `1.5` hours.' }),
    unitPrice: z
      .number()
      .register(z.globalRegistry, { description: "An integer in minor units of the document's currency: `12500` in EUR is 125.00 EUR; 0 to 999,999,999,999." }),
    discount: z.optional(
      z.number().register(z.globalRegistry, { description: 'The line discount as a percentage, 0–100 with at most 2 decimals: `10` is 10 %. Default 0.' }),
    ),
    taxRate: z.optional(
      z.number().register(z.globalRegistry, {
        description:
          "The tax rate as a percentage, 0–100 with at most 4 decimals: `19` is 19 %, `0.25` is 0.25 % (a small rate is a real rate, such as India's 0.25 % and 0.1 % GST, never a fraction of 1). Default 0. For an EU One-Stop-Shop sale the destination's rate replaces it (see `taxCode`).",
      }),
    ),
    taxCode: z.optional(
      z.enum(taxCodes).register(z.globalRegistry, {
        description:
          "The line's tax category (UNCL 5305: standard S, reduced AA, zero Z, exempt E, reverse_charge AE, outside_scope O). Default `standard` with a rate, `zero` without. Only `standard` and `reduced` carry a rate. A sale to a business in another EU member state with a VAT id becomes `reverse_charge` at 0 %; an OSS sale to a consumer there takes that country's standard rate, or for `reduced` the given rate when it is one of that country's reduced rates, else its main reduced rate, on the issue date.",
      }),
    ),
    hsnSac: z.optional(
      z
        .string()
        .check(
          z.regex(/^[0-9]{4,8}$/, 'Expected an HSN or SAC code of 4 to 8 digits.'),
          z.describe("India: the line's HSN (goods) or SAC (services, starting 99) code, 4–8 digits; required on documents of a GST-registered organization."),
        ),
    ),
  }),
);

const Discount = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    type: z.enum(['percent', 'amount']),
    value: z.number().register(z.globalRegistry, {
      description:
        "With `percent`, a percentage 0–100 with at most 2 decimals (`5` is 5 %); with `amount`, an integer in minor units of the document's currency, at most the subtotal.",
    }),
  }),
);

/** Built for each schema that uses them (inside its lazy schema), not at import. */
const documentFields = () => ({
  contactId: id,
  currency: z.optional(
    z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as EUR.'), z.describe("ISO 4217 code; default: the organization's currency.")),
  ),
  issueDate: z.optional(date).register(z.globalRegistry, { description: "Default: today in the organization's time zone." }),
  dueDate: z
    .optional(date)
    .register(z.globalRegistry, { description: 'Invoices and retainer invoices only; not before the issue date. Default: the issue date (due on receipt).' }),
  expiryDate: z
    .optional(date)
    .register(z.globalRegistry, { description: 'Estimates only; not before the issue date. No default: the estimate does not expire.' }),
  lines: z.array(Line).check(z.minLength(1), z.maxLength(200)),
  discount: z.optional(z.nullable(Discount)),
  notes: z.optional(text(5000)),
  terms: z.optional(text(5000)),
  buyerReference: z.optional(
    z.nullable(
      NameInput(100).register(z.globalRegistry, {
        description:
          "The buyer's reference for the document (EN 16931 BT-10): the reference the customer asked to be quoted, or for German public-sector buyers their Leitweg-ID (`04011000-1234512345-06`). Shown on the PDF and carried by e-invoices; without it e-invoices carry the document number. `null` on an edit removes it.",
      }),
    ),
  ),
  invoiceId: z.optional(
    z.nullable(
      id.check(
        z.describe(
          "Credit notes only: the invoice it credits (same contact and currency, sent and not void). Issuing the credit note lowers that invoice's balance, never below zero; the rest becomes the contact's credit. Without it (or `null` on an edit) the whole credit note becomes the contact's credit.",
        ),
      ),
    ),
  ),
});

export const CreateDocumentBody = /* @__PURE__ */ z.lazy(() => z.strictObject(documentFields()));

export const UpdateDocumentBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    ...z.partial(z.strictObject(documentFields())).shape,
    /** The version the client edited; a newer stored version is a 409. */
    version: z.optional(z.number().check(z.int(), z.positive())),
  }),
);

const status = /* @__PURE__ */ z.lazy(() => z.optional(z.enum(documentStatuses)));

export const ListDocumentsQuery = /* @__PURE__ */ z.lazy(() => z.object({ limit: pageLimit, cursor: pageCursor, status, contactId: z.optional(id) }));
export const portalListSorts = ['newest', 'due'] as const;
export const PortalListQuery = /* @__PURE__ */ z.lazy(() =>
  z.object({
    limit: pageLimit,
    cursor: pageCursor,
    status,
    kind: z.optional(z.enum(documentKinds)),
    sort: z._default(
      z.enum(portalListSorts).register(z.globalRegistry, {
        description: '`newest`: latest issue date first (default); `due`: earliest due or expiry date first, documents without one last.',
      }),
      'newest',
    ),
    number: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.describe('Only documents whose number contains this text, ignoring case.'))),
  }),
);

export type CreateDocumentInput = z.infer<typeof CreateDocumentBody>;
export type UpdateDocumentInput = z.infer<typeof UpdateDocumentBody>;
export type ListDocumentsInput = z.infer<typeof ListDocumentsQuery>;
export type PortalListInput = z.infer<typeof PortalListQuery>;
export type LineInput = z.infer<typeof Line>;

export interface StoredLine extends LineInput {
  /** The category and rate that apply, after the parties' rules (reverse charge, OSS): what totals, PDF and e-invoices use. */
  taxCode: TaxCode;
  /** What the author wrote, when the rules changed it: edits start again from this. */
  entered?: Pick<LineInput, 'taxCode' | 'taxRate'>;
  net: number;
  /** This line's share of the document discount. */
  discountShare: number;
  tax: number;
  total: number;
}

/** A document as stored (less the key attributes). Money in integer minor units of `currency`. */
export interface StoredDocument extends Omit<DocumentTotals, 'lines' | 'taxableTotal' | 'taxes'> {
  id: string;
  orgId: string;
  kind: DocumentKind;
  number: string;
  sequence: number;
  status: StoredStatus;
  contactId: string;
  currency: string;
  issueDate: string;
  dueDate?: string;
  expiryDate?: string;
  lines: StoredLine[];
  discount?: { type: 'percent' | 'amount'; value: number } | null;
  taxes: TaxLine[];
  notes?: string;
  terms?: string;
  /** The buyer's reference (BT-10), such as a Leitweg-ID. */
  buyerReference?: string;
  /** Cash payments and applied credit together. */
  amountPaid: number;
  creditsApplied: number;
  balance: number;
  createdBy: Extract<ActorRef, { type: 'staff' }>;
  sentAt?: string;
  viewedAt?: string;
  acceptedAt?: string;
  declinedAt?: string;
  declineReason?: string;
  voidedAt?: string;
  convertedTo?: { id: string; number: string };
  convertedFrom?: { id: string; number: string };
  /** A late fee's invoice: the one whose reminder at `offset` charged it (a fee is never charged a fee). */
  lateFeeFor?: { id: string; number: string; offset: number };
  /** A credit note's invoice: the one it credits. */
  invoice?: { id: string; number: string };
  /** Where an issued credit note's amount went: `applied` to its invoice, `credited` to the contact's credit. */
  allocation?: { applied: number; credited: number };
  /** An invoice's: the totals of the credit notes issued against it (their sum never exceeds its total). */
  creditNotesTotal?: number;
  /** A card payment the customer disputed with their bank (set and cleared by Stripe's dispute events). */
  dispute?: DocumentDispute;
  /** The organization and the contact as they were when it was sent: later profile edits do not change a sent document. */
  seller?: Party;
  buyer?: Party;
  /** India: what the invoice registration portal returned for it. */
  gstEinvoice?: GstEinvoiceRecord;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const PortalDocumentParams = /* @__PURE__ */ z.lazy(() => z.object({ portalName: z.string().check(z.minLength(1), z.maxLength(100)), docId: id }));
export const DeclineBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) }));

export interface DocumentDispute {
  disputeId: string;
  status: 'open' | 'won' | 'lost';
  amount: number;
  reason: string;
}

/** What India's invoice registration portal (IRP) answered when the invoice was registered. */
export interface GstEinvoiceRecord {
  irn: string;
  ackNo: string;
  /** As the IRP gives it, `YYYY-MM-DD HH:mm:ss` (Indian time). */
  ackDate: string;
  /** The IRP-signed JWT the PDF prints as a QR code. */
  signedQrCode: string;
  recordedAt: string;
}
