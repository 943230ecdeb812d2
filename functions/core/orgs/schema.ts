import * as z from 'zod/mini';
import type { PortalPermission } from '../access/actor.ts';
import { LanguageInput, PortalPermissions } from '../contacts/schema.ts';
import type { Language } from '../i18n/languages.ts';
import { type Address, AddressInput, type TaxRegistration, TaxRegistrationsInput } from '../parties/schema.ts';
import { type ReminderSettings, ReminderSettingsInput } from '../reminders/settings.ts';
import { NameInput } from '../shapes.ts';
import { type EInvoicingSettings, EInvoicingSettingsInput } from './einvoicing.ts';

const currencyCode = /* @__PURE__ */ z.lazy(() => z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as EUR.')));
const name = /* @__PURE__ */ z.lazy(() => NameInput());

/**
 * What staff set of the branding. The logo is uploaded (POST /v1/orgs/{orgId}/logo), never a URL:
 * `logoUrl` made every visitor's browser fetch an address anyone could set, so it is refused (only `null`, a no-op, passes).
 */
export const Branding = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    logoUrl: z.optional(z.null('`logoUrl` is retired: upload the logo with POST /v1/orgs/{orgId}/logo.')),
    color: z.optional(
      z.nullable(
        z
          .string()
          .check(
            z.regex(/^#[0-9a-fA-F]{6}$/, 'Expected a colour like #1A73E8.'),
            z.describe('`#RRGGBB`. Pages, emails and PDFs use it where white text on it reaches WCAG AA contrast (4.5:1), else a default blue.'),
          ),
      ),
    ),
  }),
);

/** A confirmed logo: checked from its bytes, stored in the private bucket under `key` (named by its hash). */
export interface StoredLogo {
  key: string;
  sha256: string;
  contentType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  size: number;
}

/** The branding as stored. Items from before uploads may still hold a `logoUrl`: it is never read. */
export interface StoredBranding {
  color?: string | null;
  logo?: StoredLogo;
}

export const TaxSettings = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    taxId: z.optional(z.nullable(z.string().check(z.maxLength(50)))),
    taxLabel: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
  }),
);

/** Whether the portal offers online payment, and of how much; `minimumPartial` is in minor units of the document's currency. */
export const OnlinePaymentSettings = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    enabled: z.optional(z.boolean()),
    allowPartial: z.optional(z.boolean()),
    minimumPartial: z.optional(
      z.nullable(
        z
          .number()
          .check(
            z.int(),
            z.positive(),
            z.maximum(99_999_999),
            z.describe("The smallest part payment, an integer in minor units of the document's currency (1–99,999,999); null removes the minimum."),
          ),
      ),
    ),
  }),
);

/** Longest offline payment instructions: a few bank details and a sentence or two, shown on every portal document page. */
export const MAX_OFFLINE_PAYMENT_INSTRUCTIONS = 2000;

/** How to pay without the portal's Pay button (bank transfer details, a reference to quote); null removes them. */
const OfflinePaymentInstructions = /* @__PURE__ */ z.lazy(() =>
  z.nullable(
    z
      .string()
      .check(
        z.maxLength(MAX_OFFLINE_PAYMENT_INSTRUCTIONS),
        z.describe(
          'How customers pay offline (bank details, the reference to quote), shown on portal document pages when online payment is off or not theirs to use; plain text, line breaks kept, at most 2,000 characters; null removes them.',
        ),
      ),
  ),
);

/** Checked by the service (422 INVALID_TIME_ZONE): whether a name is a zone depends on the runtime's time zone data. */
const TimeZoneInput = /* @__PURE__ */ z.lazy(() =>
  z
    .string()
    .check(
      z.maxLength(64),
      z.describe(
        "The organization's IANA time zone (`Europe/Berlin`, `Asia/Kolkata`, `America/New_York`); default `UTC`. Today's date in it is the latest a payment may be dated, the day overdue and expired are judged on, and the default end of statements and date of aging reports. Offsets such as `+05:30` are not zone names.",
      ),
    ),
);

/** Where the organization is registered for VAT or GST, and whether it declares EU cross-border sales to consumers through the OSS. */
function taxFields() {
  return {
    taxRegistrations: z.optional(
      TaxRegistrationsInput.check(
        z.describe(
          "The organization's VAT and GST registrations, given whole (a new list replaces the old): `{ country, scheme: 'vat' | 'gst', id }`. The one in its address's country is the seller's tax id on documents. EU VAT ids are checked for their country's format, GSTINs for their check character (422 otherwise).",
        ),
      ),
    ),
    oss: z.optional(
      z.boolean().register(z.globalRegistry, {
        description:
          "Registered for the EU's One-Stop Shop: sales to consumers in other member states are taxed at the destination's rate, from the dated rate table. Default false.",
      }),
    ),
  };
}

export const OrgParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: z.string().check(z.minLength(1), z.maxLength(64)) }));

export const CreateOrganizationBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    name,
    portalName: z.optional(
      z
        .string()
        .check(
          z.maxLength(100),
          z.describe('3–63 lowercase letters, digits and single hyphens, unique across Portico; without it the organization has no portal yet.'),
        ),
    ),
    currency: z.optional(currencyCode).register(z.globalRegistry, { description: "ISO 4217 code of new documents' default currency; default USD." }),
    timeZone: z.optional(TimeZoneInput),
    language: z.optional(LanguageInput),
    address: z.optional(AddressInput),
    branding: z.optional(Branding),
    taxSettings: z.optional(TaxSettings),
    ...taxFields(),
    einvoicing: z.optional(EInvoicingSettingsInput),
  }),
);

export const UpdateOrganizationBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    name: z.optional(name),
    currency: z.optional(currencyCode),
    timeZone: z.optional(TimeZoneInput),
    language: z.optional(LanguageInput),
    address: z.optional(AddressInput),
    branding: z.optional(Branding),
    taxSettings: z.optional(TaxSettings),
    ...taxFields(),
    einvoicing: z.optional(EInvoicingSettingsInput),
    onlinePayments: z.optional(OnlinePaymentSettings),
    offlinePaymentInstructions: z.optional(OfflinePaymentInstructions),
    /** Members act in the organization only from a sign-in with their TOTP. */
    requireStaffMfa: z.optional(z.boolean()),
    /** Reminders of open invoices, as days from the due date. */
    reminders: z.optional(ReminderSettingsInput),
  }),
);

export const portalMfaModes = ['off', 'optional', 'required'] as const;
export type PortalMfa = (typeof portalMfaModes)[number];

export const SetPortalBody = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      name: z.optional(z.string().check(z.maxLength(100))),
      enabled: z.optional(z.boolean()),
      /** What persons get when added, or granted access without naming permissions. */
      defaultPermissions: z.optional(PortalPermissions),
      /** Whether persons sign in with a second factor (TOTP): not at all, if they enrolled, or always. */
      mfa: z.optional(z.enum(portalMfaModes)),
    })
    .check(z.refine((body) => Object.values(body).some((value) => value !== undefined), 'Give at least one of name, enabled, defaultPermissions, mfa.')),
);

export type CreateOrganizationInput = z.infer<typeof CreateOrganizationBody>;
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationBody>;
export type SetPortalInput = z.infer<typeof SetPortalBody>;

/** The organization as stored (less the key attributes). */
export interface Organization {
  id: string;
  name: string;
  currency: string;
  /** IANA zone its calendar days are in; absent: UTC. */
  timeZone?: string;
  /** Staff mail, and contacts and persons without their own; absent: English. */
  language?: Language;
  /** Absent until set (`{}` on organizations created before addresses were whole). */
  address?: Address | Record<string, never>;
  /** VAT and GST registrations; absent: none. */
  taxRegistrations?: TaxRegistration[];
  /** Registered for the EU One-Stop Shop; absent: no. */
  oss?: boolean;
  branding: StoredBranding;
  taxSettings: z.infer<typeof TaxSettings>;
  /** Absent until first set: online payments are off. */
  onlinePayments?: OnlinePayments;
  /** How to pay offline, for the portal; absent or null: none given. */
  offlinePaymentInstructions?: string | null;
  portalName: string | null;
  portalEnabled: boolean;
  /** Bumped on every portal rename: portal access granted in an older generation no longer works. */
  portalGeneration: number;
  /** Permissions for new persons and grants; absent: all three. */
  portalDefaultPermissions?: PortalPermission[];
  /** Portal persons' second factor; absent: off. */
  portalMfa?: PortalMfa;
  /** Staff's second factor; absent: not required. */
  requireStaffMfa?: boolean;
  /** Reminders of open invoices; absent: off, with the default offsets. */
  reminders?: ReminderSettings;
  /** The seller contact and bank account e-invoices carry; absent: none given. */
  einvoicing?: EInvoicingSettings;
  /** Where answers to the organization's emails go: the email of the owner who created it (absent for organizations created before). */
  replyTo?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The stored settings, every field filled in. */
export interface OnlinePayments {
  enabled: boolean;
  allowPartial: boolean;
  minimumPartial: number | null;
}
