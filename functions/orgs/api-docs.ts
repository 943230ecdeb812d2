import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "A business and its settings: profile, default currency, address, tax settings, branding, online payments, the portal's name, its MFA and default permissions.",
  operations: {
    'POST /v1/orgs': {
      description:
        'Creates an organization; the caller becomes its owner, and answers to its emails go to the caller. With `portalName` the portal is enabled at once under that name; a name another organization holds is `409`; without it the organization has no portal until `PUT …/portal` claims one. `currency` (default USD) is what new documents are in unless they say otherwise. `timeZone` (an IANA name, default `UTC`; an unknown one is `422 INVALID_TIME_ZONE`) is where the days of the business turn: a payment may be dated today there at the latest, invoices become overdue and estimates expire at its midnight, and statements and aging default to its today.',
      example: {
        name: 'Acme Supplies Ltd',
        portalName: 'acme-supplies',
        currency: 'EUR',
        timeZone: 'Europe/Dublin',
        address: { line1: '1 Grand Canal Square', city: 'Dublin', postalCode: 'D02 P820', country: 'IE' },
        taxRegistrations: [{ country: 'IE', scheme: 'vat', id: 'IE6388047V' }],
        branding: { color: '#0A7D4F' },
      },
    },
    'PATCH /v1/orgs/{orgId}': {
      description:
        'Changes only what the body names; `branding`, `taxSettings` and `onlinePayments` are merged field by field, `einvoicing` part by part (`contact`, `paymentAccount`; an IBAN with wrong check digits is `422 INVALID_IBAN`); `address` and `taxRegistrations` are given whole and replace what was there (`null` clears a nullable field). A changed currency applies to documents created afterwards. A changed `timeZone` (IANA name; `422 INVALID_TIME_ZONE` otherwise) moves "today" at once: overdue, expiry, the latest payment date and the defaults of statements and aging follow it; stored dates stay as they are. Turning `requireStaffMfa` on needs the caller to have signed in with their own second factor (`422 MFA_NOT_ENROLLED`). `reminders` merges `enabled`, `offsets` and `lateFees` field by field; `lateFees` is given whole: each fee goes with a reminder after the due date (one of `offsets`, > 0) and is a `percent` of the balance or a fixed `amount` per currency, charged as a separate invoice for the fee once per invoice and reminder. A fee out of bounds, on an offset not in the list, or left without its reminder by new `offsets` is `422 INVALID_LATE_FEE` with the field, and nothing is stored.',
      example: {
        timeZone: 'Europe/Dublin',
        taxSettings: { taxId: 'IE1234567T', taxLabel: 'VAT' },
        onlinePayments: { enabled: true, allowPartial: true, minimumPartial: 1000 },
        reminders: {
          enabled: true,
          offsets: [-3, 0, 7, 14],
          lateFees: [
            { offset: 7, percent: 1.5 },
            { offset: 14, amount: 2500, currency: 'EUR' },
          ],
        },
        einvoicing: {
          contact: { name: 'Accounts receivable', phone: '+353 1 234 5678', email: 'invoices@acme.example' },
          paymentAccount: { iban: 'IE29 AIBK 9311 5212 3456 78', bic: 'AIBKIE2D' },
        },
      },
    },
    'PUT /v1/orgs/{orgId}/portal': {
      description:
        "Claims or renames the portal name, turns the portal on or off, sets the persons' MFA (`off`, `optional`, `required`) and the permissions new persons get. A rename holds the old name for this organization for 30 days, and every person with access must be invited again (`reinviteRequired` counts them).",
      example: { name: 'acme', enabled: true, mfa: 'optional' },
    },
    'GET /v1/orgs/{orgId}/mail/undeliverable': {
      description:
        "The addresses SES reported for this organization's mail, by address: `bounced` (the receiving server refused the mail for good) or `complained` (the owner marked a mail as spam). No mail is sent to them — documents, receipts, invitations and notices to that address are skipped and counted — until staff confirm the address (`DELETE …/mail/undeliverable/{email}`) or change the person's email. A temporary bounce (a full mailbox) is not listed: SES retries it.",
    },
    'DELETE /v1/orgs/{orgId}/mail/undeliverable/{email}': {
      description:
        'Confirms a reported address, e.g. after the customer fixed their mailbox: mail goes to it again. An address that is not reported is `404`. If it bounces again, SES reports it again.',
    },
  },
} satisfies AreaDocs<typeof routes>;
