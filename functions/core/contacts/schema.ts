import * as z from 'zod/mini';
import { type PortalPermission, portalPermissions } from '../access/actor.ts';
import { built } from '../built-schema.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { type Address, AddressInput, ContactTaxIdInput } from '../parties/schema.ts';
import { NameInput } from '../shapes.ts';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));
const name = /* @__PURE__ */ z.lazy(() => NameInput());
/** Emails are compared case-insensitively everywhere, so they are stored lowercased. */
export const Email = /* @__PURE__ */ z.lazy(() =>
  z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254), z.regex(z.regexes.email, 'Expected an email address.')),
);

/** A contact's persons, primary included, all travel in its one item (and in one transaction). */
export const MAX_PERSONS_PER_CONTACT = 25;

/** What a person may do in the portal; `view` is implied. */
export const PortalPermissions = /* @__PURE__ */ z.lazy(() => z.array(z.enum(portalPermissions)).check(z.maxLength(portalPermissions.length)));

/** The language a reader gets emails, PDFs and pages in. */
export const LanguageInput = /* @__PURE__ */ z.lazy(() =>
  z.enum(LANGUAGES).register(z.globalRegistry, {
    description:
      "`en`, `de`, `fr` or `es`: emails, PDFs and portal pages in that language. A person without one reads their contact's; a contact without one the organization's.",
  }),
);

export const PersonBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({ name, email: Email, portalPermissions: z.optional(PortalPermissions), language: z.optional(LanguageInput) }),
);

/**
 * `language: null` drops the language. On a person: their own (they read their contact's again); on the
 * contact (PATCH …/contacts/{contactId}): the contact's, which its persons without one read (then the organization's).
 */
export const UpdatePersonBody = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      name: z.optional(name),
      email: z.optional(Email),
      portalPermissions: z.optional(PortalPermissions),
      language: z.optional(z.nullable(LanguageInput)),
    })
    .check(z.refine((body) => Object.values(body).some((value) => value !== undefined), 'Give a name, an email, portal permissions or a language.')),
);

/** The contact as a party to its documents: where it is and its tax id (checked against its country by the service). */
const taxId = /* @__PURE__ */ z.lazy(() =>
  ContactTaxIdInput.check(
    z.describe(
      "The customer's VAT id with its country prefix (`FR40303265045`, checked for its country's format), GSTIN (checked for its check character) or other tax number. A valid EU VAT id of another member state makes the organization's sales to it reverse-charged.",
    ),
  ),
);

export const CreateContactBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    name,
    email: Email,
    portalPermissions: z.optional(PortalPermissions),
    language: z.optional(LanguageInput),
    persons: z.optional(z.array(PersonBody).check(z.maxLength(MAX_PERSONS_PER_CONTACT - 1))),
    address: z.optional(AddressInput),
    taxId: z.optional(taxId),
  }),
);

/** A contact's own name and email are its primary person's; `null` removes the address or tax id. */
export const UpdateContactBody = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      ...built(UpdatePersonBody).shape,
      address: z.optional(z.nullable(AddressInput)),
      taxId: z.optional(z.nullable(taxId)),
    })
    .check(z.refine((body) => Object.values(body).some((value) => value !== undefined), 'Give a name, an email, portal permissions, an address or a tax id.')),
);

export const OrgContactParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, contactId: id }));
export const OrgPersonParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, contactId: id, personId: id }));

export type PersonInput = z.infer<typeof PersonBody>;
export type UpdatePersonInput = z.infer<typeof UpdatePersonBody>;
export type CreateContactInput = z.infer<typeof CreateContactBody>;
export type UpdateContactInput = z.infer<typeof UpdateContactBody>;

export type PortalAccess = 'disabled' | 'invited' | 'active';

/** A contact person as stored inside its contact. */
export interface Person {
  id: string;
  name: string;
  email: string;
  /** The primary person is the contact itself: its name and email are the contact's. */
  primary: boolean;
  portalAccess: PortalAccess;
  /** The organization's portal generation when access was (re-)granted. */
  portalGeneration?: number;
  /**
   * The current grant's random id: every credential Portico issues records the grant it was issued under (an ID token
   * carries it as `custom:grantId`), and one of another grant is refused, however close in time. Absent on persons
   * last granted before grants had ids (then `accessGrantedAt` decides, until their next grant).
   */
  grantId?: string;
  /** Epoch seconds of the last grant: when, for people; it decides nothing for a person with a `grantId`. */
  accessGrantedAt?: number;
  /** The person's portal-pool user, while access is not disabled. */
  username?: string;
  /** What the person may do in the portal; absent on persons from before permissions (they may do everything). */
  portalPermissions?: PortalPermission[];
  /** The person's own language; absent: their contact's. */
  language?: Language;
  /** Epoch seconds of the last "sign out everywhere": tokens and sessions issued until then are refused. */
  sessionsEndedAt?: number;
  /** Epoch seconds the person enrolled an authenticator (TOTP); absent when never, or since a staff reset. */
  mfaEnrolledAt?: number;
  /**
   * Sign-ins from this `auth_time` on (epoch seconds) answered the authenticator:
   * the one that enrolled at sign-in, and every one after an enrolment (Cognito
   * asks every enrolled user for a code). Where MFA is required, a token from
   * an earlier sign-in is refused on every request.
   */
  mfaSignInsFrom?: number;
}

/** A contact (the customer) as stored, less the key attributes. */
export interface Contact {
  id: string;
  name: string;
  email: string;
  persons: Person[];
  /** Null once removed. */
  address?: Address | null;
  taxId?: string | null;
  /** The persons' language unless they have their own; absent or null: the organization's. */
  language?: Language | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const hasAccess = (person: Person) => person.portalAccess !== 'disabled';
