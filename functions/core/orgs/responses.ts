import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { AddressView, TaxRegistrationView } from '../parties/schema.ts';
import { Money, page, Timestamp } from '../shapes.ts';
import { EInvoicingSettingsView } from './einvoicing.ts';
import { TaxSettings } from './schema.ts';

// Requests refuse unknown keys; answers strip them, so a stored extra never leaves and never fails a read.
const strip = <T extends z.ZodMiniObject>(schema: T) => z.object(schema.shape);

/** The branding as pages, emails and PDFs apply it. */
export const BrandingView = /* @__PURE__ */ z.lazy(() =>
  z.object({
    color: z.nullable(z.string().register(z.globalRegistry, { description: 'The brand colour staff set, `#RRGGBB`.' })),
    appliedColor: z.string().register(z.globalRegistry, {
      description: 'The colour pages, emails and PDFs use: `color` when white text on it reaches WCAG AA contrast (4.5:1), else `#1d4ed8`.',
    }),
    logoUrl: z.nullable(
      z.string().register(z.globalRegistry, {
        description: "The uploaded logo, served by Portico from the portal's address; the `v` parameter changes with the logo, so it caches for good.",
      }),
    ),
  }),
);

/** An organization as its staff see it. */
export const Organization = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    timeZone: z.string().register(z.globalRegistry, {
      description: "IANA time zone the organization's calendar days are in (`UTC` until set): today, overdue, expiry, payment dates, statements and aging.",
    }),
    language: z
      .enum(LANGUAGES)
      .register(z.globalRegistry, { description: 'Staff mail, and contacts and persons without a language of their own, are in it (`en` until set).' }),
    address: z.optional(AddressView),
    taxRegistrations: z.array(TaxRegistrationView),
    oss: z.boolean().register(z.globalRegistry, { description: "Registered for the EU's One-Stop Shop." }),
    einvoicing: EInvoicingSettingsView.check(
      z.describe('The seller contact (BG-6) and the bank account (BG-17) e-invoices carry and invoice PDFs show; each null until given.'),
    ),
    branding: BrandingView,
    taxSettings: strip(built(TaxSettings)),
    onlinePayments: z.object({ enabled: z.boolean(), allowPartial: z.boolean(), minimumPartial: z.nullable(z.int()) }),
    offlinePaymentInstructions: z
      .nullable(z.string())
      .register(z.globalRegistry, { description: 'How customers pay offline, shown in the portal; null when none are given.' }),
    portalName: z.nullable(z.string()),
    portalUrl: z.nullable(z.string()),
    portalEnabled: z.boolean(),
    /** Bumped on every portal rename: access granted in an older generation no longer works. */
    portalGeneration: z.int(),
    /** Permissions new persons get, and whether portal persons use a second factor. */
    portal: z.object({ defaultPermissions: z.array(z.enum(['view', 'approve', 'pay'])), mfa: z.enum(['off', 'optional', 'required']) }),
    /** Members act in the organization only from a sign-in with their TOTP. */
    requireStaffMfa: z.boolean(),
    /** Reminders of open invoices: whether the daily run sends them, on which days from the due date, and the late fees they charge. */
    reminders: z.object({
      enabled: z.boolean(),
      offsets: z.array(z.int()),
      lateFees: z.array(
        z.object({
          offset: z.int().register(z.globalRegistry, { description: 'The reminder (days after the due date) that charges it.' }),
          percent: z.optional(
            z.number().register(z.globalRegistry, { description: "A percentage of the invoice's balance when the reminder goes: `1.5` is 1.5 %." }),
          ),
          amount: z
            .optional(Money)
            .register(z.globalRegistry, { description: 'A fixed fee in minor units of `currency`, charged on invoices in that currency only.' }),
          currency: z.optional(z.string().register(z.globalRegistry, { description: 'ISO 4217 code of `amount`.' })),
        }),
      ),
    }),
    version: z.int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);

export const OrganizationPage = /* @__PURE__ */ z.lazy(() => page(Organization));

/** What a portal shows of its organization, before and after sign-in. */
export const PortalBranding = /* @__PURE__ */ z.lazy(() => z.pick(built(Organization), { name: true, branding: true }));

/** The portal's address and state after a claim, rename, enable or disable. */
export const PortalSettings = /* @__PURE__ */ z.lazy(() =>
  z.extend(z.pick(built(Organization), { portalName: true, portalUrl: true, portalEnabled: true, portalGeneration: true }), {
    ...built(Organization).shape.portal.shape,
    /** Persons holding access who need a new invitation after a rename. */
    reinviteRequired: z.int(),
  }),
);
