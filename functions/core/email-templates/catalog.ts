import { NotFound } from '../errors.ts';

/**
 * The fixed set of placeholders each email template may use. Senders fill
 * exactly these; business-edited templates are validated against them, so a
 * template can never ask for data the sender does not provide.
 * Values arrive preformatted (dates, amounts with currency): templates are
 * logic-free because they are also deployed as SES templates.
 */
export interface Placeholder {
  readonly description: string;
  /** Shown in previews and used by tests; realistic but fictitious. */
  readonly sample: string;
}

/** Every template may use the organization's branding; the sender fills it from the organization (email/send.ts). */
const branding = {
  brandColor: {
    description: "The organization's brand colour (`#RRGGBB`) when white text on it passes WCAG AA contrast (4.5:1), else Portico's default blue.",
    sample: '#1d4ed8',
  },
  logoUrl: {
    description: "Address of the organization's logo, served by Portico (empty when it has none).",
    sample: 'https://portal.example.com/v1/portal/northwind/logo?v=3f2a9c1b',
  },
} as const;

const recipient = {
  ...branding,
  contactName: { description: 'Customer (company or individual) the recipient belongs to.', sample: 'Acme Widgets Ltd' },
  personName: { description: 'Full name of the contact person receiving the email.', sample: 'Jane Doe' },
  orgName: { description: 'Name of the business sending the email.', sample: 'Northwind Consulting' },
  portalUrl: { description: "Home page of the business's client portal.", sample: 'https://portal.example.com/northwind' },
} as const;

const documentUrl = {
  description: 'Link that opens the document in the client portal.',
  sample: 'https://portal.example.com/northwind/documents/INV-000123',
} as const;

/** Mail to the business's staff: they are members of the organization, not contacts of a customer. */
const staffRecipient = {
  ...branding,
  orgName: recipient.orgName,
  personName: { description: 'Staff member receiving the notice (their email address: staff profiles have no name yet).', sample: 'sam@northwind.example' },
  contactName: { description: 'Customer (company or individual) the document is for.', sample: 'Acme Widgets Ltd' },
} as const;

const documentKind = { description: 'Label of the document kind, e.g. Invoice, Estimate, Retainer invoice.', sample: 'Invoice' } as const;

const staffDocumentUrl = {
  description: "Link that opens the document in Portico's staff app (STAFF_APP_URL), where staff sign in: never the client portal.",
  sample: 'https://portal.example.com/staff/orgs/org_3kq9/invoices/doc_7hx2',
} as const;

/** What every invoice reminder says: which invoice, what is left to pay, and when it was or is due. */
const reminder = {
  ...recipient,
  documentNumber: { description: 'Number of the invoice.', sample: 'INV-000123' },
  documentTotal: { description: 'Invoice total, formatted with its currency.', sample: 'USD 1,250.00' },
  balance: { description: 'Amount still due on the invoice, formatted with its currency.', sample: 'USD 750.00' },
  dueDate: { description: 'Due date of the invoice, formatted.', sample: '31 March 2025' },
  dueWhen: { description: 'When the invoice is or was due, from the day the reminder goes: "in 3 days", "today", "7 days ago".', sample: 'in 3 days' },
  documentUrl,
} as const;

const catalog = {
  'invitation-link': {
    ...recipient,
    invitationUrl: {
      description: 'One-time link where the person chooses a password and activates portal access.',
      sample: 'https://portal.example.com/northwind/invitations/accept?token=6f1c2d9e',
    },
    expiresInDays: { description: 'Number of days before the invitation link expires.', sample: '7' },
  },
  'invitation-credentials': {
    ...recipient,
    loginUrl: { description: 'Sign-in page of the client portal.', sample: 'https://portal.example.com/northwind/login' },
    username: { description: 'Username to sign in with (usually the email address).', sample: 'jane.doe@acme.example' },
    password: { description: 'Password the business set for the person.', sample: 'Tmp-8hQ2-kLm4' },
    passwordNote: {
      description: 'Sentence about the password, written by the sender (e.g. that a new one must be chosen at first sign-in); may be empty.',
      sample: 'You will be asked to choose a new password the first time you sign in.',
    },
  },
  'password-changed': {
    ...recipient,
    changedAt: { description: 'Date and time of the change, formatted for the recipient.', sample: '12 March 2025, 14:05 UTC' },
  },
  'document-sent': {
    ...recipient,
    documentKind: { description: 'Label of the document kind, e.g. Invoice, Quote, Credit note.', sample: 'Invoice' },
    documentNumber: { description: 'Number of the document.', sample: 'INV-000123' },
    documentTotal: { description: 'Document total, formatted with its currency.', sample: '$1,250.00' },
    dueDate: { description: 'Due date, formatted (or a phrase such as "Due on receipt").', sample: '31 March 2025' },
    documentUrl,
  },
  'payment-receipt': {
    ...recipient,
    amount: { description: 'Amount received, formatted with its currency.', sample: '$500.00' },
    paymentDate: { description: 'Date the payment was received, formatted.', sample: '15 March 2025' },
    documentNumber: {
      description: 'Number of the document the payment was applied to; the numbers, joined, when one payment paid several.',
      sample: 'INV-000123, INV-000124',
    },
    documents: {
      description: 'One line per document the payment was applied to: its number, the amount applied to it and what it still owes.',
      sample: 'INV-000123: $300.00 applied, $0.00 still due\nINV-000124: $200.00 applied, $750.00 still due',
    },
    balance: { description: 'Balance still due on the documents paid after this payment, formatted with its currency.', sample: '$750.00' },
    documentUrl: {
      description: 'Link that opens the document in the client portal; the list of documents when the payment paid several.',
      sample: documentUrl.sample,
    },
  },
  'comment-added': {
    ...recipient,
    documentKind: { description: 'Label of the document kind, e.g. Invoice, Quote, Credit note.', sample: 'Invoice' },
    documentNumber: { description: 'Number of the document.', sample: 'INV-000123' },
    commentAuthor: { description: 'Name of the person who wrote the comment.', sample: 'Sam Lee' },
    commentText: { description: 'Text of the comment.', sample: 'We have applied the discount we discussed on the phone.' },
    documentUrl,
  },
  'payment-refunded': {
    ...recipient,
    amount: { description: 'Amount refunded, formatted with its currency.', sample: '$120.00' },
    documentNumber: { description: 'Number of the document the refunded payment was applied to.', sample: 'INV-000123' },
    balance: { description: 'Balance due on the document after the refund, formatted with its currency.', sample: '$120.00' },
    documentUrl,
  },
  statement: {
    ...recipient,
    period: { description: 'The period the statement covers, formatted for the recipient.', sample: '1 March 2025 – 31 March 2025' },
    currency: { description: 'The currency of the statement (ISO 4217).', sample: 'USD' },
    openingBalance: { description: 'What the customer owed before the period, formatted with its currency.', sample: '$250.00' },
    closingBalance: { description: 'What the customer owed at the end of the period, formatted with its currency.', sample: '$1,000.00' },
    statementUrl: { description: 'Link that opens the statement in the client portal.', sample: 'https://portal.example.com/northwind/statement' },
  },
  'reminder-before': reminder,
  'reminder-due': reminder,
  'reminder-overdue': reminder,
  'staff-payment-notice': {
    ...recipient,
    ...staffRecipient,
    noticeTitle: { description: 'What happened, in a few words (e.g. Online payment received, Payment disputed).', sample: 'Online payment received' },
    noticeText: {
      description: 'One or two sentences with the details, written by Portico.',
      sample: 'Acme Widgets Ltd paid $500.00 online; the balance due is now $750.00.',
    },
    documentKind,
    documentNumber: { description: 'Number of the document concerned.', sample: 'INV-000123' },
    amount: { description: 'The amount concerned, formatted with its currency.', sample: '$500.00' },
    documentUrl: staffDocumentUrl,
  },
  'staff-comment-notice': {
    ...staffRecipient,
    documentKind,
    documentNumber: { description: 'Number of the document.', sample: 'INV-000123' },
    commentAuthor: { description: "Name of the customer's contact person who wrote the comment in the client portal.", sample: 'Jane Doe' },
    commentText: { description: 'Text of the comment.', sample: 'Could you split the delivery charge over the two orders?' },
    documentUrl: staffDocumentUrl,
  },
  'staff-comment-digest': {
    ...staffRecipient,
    documentKind,
    documentNumber: { description: 'Number of the document.', sample: 'INV-000123' },
    comments: {
      description: 'The comments gathered since the first notice, each as "Name: text", separated by blank lines; at most 20 (then how many more).',
      sample: 'Jane Doe: Could you split the delivery charge?\n\nJane Doe: Or send a credit note for it.',
    },
    documentUrl: staffDocumentUrl,
  },
  'staff-invitation': {
    ...branding,
    orgName: recipient.orgName,
    inviterEmail: { description: 'Email of the team member who sent the invitation.', sample: 'owner@northwind.example' },
    role: { description: 'Role the invitee will have: owner, admin, billing or viewer.', sample: 'billing' },
    invitationUrl: {
      description: 'One-time link that adds the invitee to the team once they are signed in with the invited email.',
      sample: 'https://portal.example.com/staff/invitation?token=org_1.6f1c2d9e',
    },
    expiresInDays: { description: 'Number of days before the invitation link expires.', sample: '7' },
  },
} as const satisfies Record<string, Record<string, Placeholder>>;

export type TemplateKey = keyof typeof catalog;
export type PlaceholderName<K extends TemplateKey> = keyof (typeof catalog)[K] & string;
/** The placeholders the sender of every mail fills from the organization (email/send.ts). */
export type BrandingPlaceholder = keyof typeof branding;
/** What a caller passes to send a template: every placeholder but the branding, as text. */
export type TemplateValues<K extends TemplateKey> = Record<Exclude<PlaceholderName<K>, BrandingPlaceholder>, string>;

export const templateKeys = Object.keys(catalog) as readonly TemplateKey[];

export function placeholdersOf<K extends TemplateKey>(key: K): (typeof catalog)[K] {
  return catalog[key];
}

export function sampleValuesOf<K extends TemplateKey>(key: K): Record<PlaceholderName<K>, string> {
  const entries = Object.entries<Placeholder>(placeholdersOf(key)).map(([name, { sample }]) => [name, sample]);
  return Object.fromEntries(entries) as Record<PlaceholderName<K>, string>;
}

/** For keys from URLs or request bodies: an unknown key is a missing resource. */
export function parseTemplateKey(value: string): TemplateKey {
  if (!Object.hasOwn(catalog, value)) throw new NotFound(`Email template "${value}"`);
  return value as TemplateKey;
}
