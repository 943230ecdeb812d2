import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { isCountry } from './countries.ts';

const line = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/** An ISO 3166-1 alpha-2 code that is assigned (`DE`, `IN`, `GB`); `UK` or `EU` are not countries. */
export const CountryInput = /* @__PURE__ */ z.lazy(() =>
  z
    .string()
    .check(
      z.regex(/^[A-Z]{2}$/, 'Expected an ISO 3166-1 alpha-2 code such as DE.'),
      z.refine(isCountry, 'Not an assigned ISO 3166-1 alpha-2 country code.'),
      z.describe('ISO 3166-1 alpha-2 country code: `DE`, `IN`, `GB` (Northern Ireland is `GB`; its VAT ids start with `XI`).'),
    ),
);

/** A postal address, given whole: a new one replaces the old. */
export const AddressInput = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    line1: line(200),
    line2: z.optional(line(200)),
    city: line(100),
    postalCode: z.optional(line(20)),
    region: z.optional(
      line(100).register(z.globalRegistry, {
        description:
          "State, province or county. In India, the state's GST code (`29`), its ISO 3166-2 code (`KA` or `IN-KA`) or its name decides the place of supply.",
      }),
    ),
    country: CountryInput,
  }),
);
export type Address = z.infer<typeof AddressInput>;

export const taxSchemes = ['vat', 'gst'] as const;
export type TaxScheme = (typeof taxSchemes)[number];

/**
 * A registration for VAT or GST in one country. An EU VAT id is checked for
 * its country's format (with its prefix: `DE123456789`, `EL…` for Greece,
 * `XI…` for Northern Ireland); an Indian GSTIN for its check character.
 */
export const TaxRegistrationInput = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    country: CountryInput,
    scheme: z.enum(taxSchemes),
    id: z.string().check(z.trim(), z.toUpperCase(), z.minLength(2), z.maxLength(20)),
  }),
);
export type TaxRegistration = z.infer<typeof TaxRegistrationInput>;

export const MAX_TAX_REGISTRATIONS = 30;
export const TaxRegistrationsInput = /* @__PURE__ */ z.lazy(() => z.array(TaxRegistrationInput).check(z.maxLength(MAX_TAX_REGISTRATIONS)));

/** A contact's tax id: its VAT id (with its country prefix), GSTIN or other business tax number. */
export const ContactTaxIdInput = /* @__PURE__ */ z.lazy(() => z.string().check(z.trim(), z.toUpperCase(), z.minLength(2), z.maxLength(20)));

/** Seller or buyer as a sent document records them: later profile edits do not change them. */
export interface Party {
  name: string;
  address?: Address;
  taxId?: string;
  taxScheme?: TaxScheme;
}

/** Responses: answers strip unknown keys. */
export const AddressView = /* @__PURE__ */ z.lazy(() => z.object(built(AddressInput).shape));
export const TaxRegistrationView = /* @__PURE__ */ z.lazy(() => z.object(built(TaxRegistrationInput).shape));
export const PartyView = /* @__PURE__ */ z.lazy(() =>
  z.object({
    name: z.string(),
    address: z.optional(AddressView),
    taxId: z.optional(z.string()),
    taxScheme: z.optional(z.enum(taxSchemes)),
  }),
);
