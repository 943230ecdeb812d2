import * as z from 'zod/mini';
import { AddressView } from '../parties/schema.ts';
import { page, Timestamp } from '../shapes.ts';

/** A contact person: no usernames, generations or grant times, which only the access checks need. */
export const Person = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  /** The primary person is the contact itself. */
  primary: z.boolean(),
  portalAccess: z.enum(['disabled', 'invited', 'active']),
  /** What the person may do in the portal: `view` always, `approve` estimates, `pay` online. */
  portalPermissions: z.array(z.enum(['view', 'approve', 'pay'])),
});

export const Contact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  persons: z.array(Person),
  address: z.optional(AddressView),
  taxId: z.optional(z.string()),
  version: z.int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ContactPage = page(Contact);
