import * as z from 'zod/mini';
import { LANGUAGES } from '../i18n/languages.ts';
import { AddressView } from '../parties/schema.ts';
import { page, Timestamp } from '../shapes.ts';

/** A contact person: no usernames, generations or grant times, which only the access checks need. */
export const Person = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    /** The primary person is the contact itself. */
    primary: z.boolean(),
    portalAccess: z.enum(['disabled', 'invited', 'active']),
    /** What the person may do in the portal: `view` always, `approve` estimates, `pay` online. */
    portalPermissions: z.array(z.enum(['view', 'approve', 'pay'])),
    /** The person's own language; null: their contact's. */
    language: z.nullable(z.enum(LANGUAGES)),
  }),
);

export const Contact = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    persons: z.array(Person),
    address: z.optional(AddressView),
    taxId: z.optional(z.string()),
    /** The language of its persons without their own; null: the organization's. */
    language: z.nullable(z.enum(LANGUAGES)),
    version: z.int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
);

export const ContactPage = /* @__PURE__ */ z.lazy(() => page(Contact));
