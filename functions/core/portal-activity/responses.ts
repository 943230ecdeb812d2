import * as z from 'zod/mini';
import { documentKinds } from '../documents/kinds.ts';
import { documentStatuses } from '../documents/status.ts';
import { Timestamp } from '../shapes.ts';

/** What a contact's persons did in the portal, for staff. */
export const ContactPortalActivity = /* @__PURE__ */ z.lazy(() =>
  z.object({
    persons: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        email: z.string(),
        portalAccess: z.enum(['disabled', 'invited', 'active']),
        lastSignInAt: z
          .nullable(Timestamp)
          .register(z.globalRegistry, { description: 'The last successful portal sign-in within the 90 days sign-ins are kept; null if none.' }),
      }),
    ),
    items: z.array(
      z.object({
        docId: z.string(),
        kind: z.enum(documentKinds),
        number: z.string(),
        status: z.enum(documentStatuses),
        sentAt: z.nullable(Timestamp),
        viewedAt: z
          .nullable(Timestamp)
          .register(z.globalRegistry, { description: 'When a person of the contact first opened the document in the portal; null if nobody has.' }),
        viewedBy: z.nullable(z.object({ personId: z.string(), name: z.string() })),
        reminders: z.array(
          z.object({
            at: Timestamp,
            offset: z.nullable(z.int()).register(z.globalRegistry, {
              description: "The organization's reminder (days from the due date) the daily run sent; null when staff sent it by hand.",
            }),
            byHand: z.boolean(),
          }),
        ),
      }),
    ),
    nextCursor: z.nullable(z.string()).register(z.globalRegistry, { description: 'Pass as `cursor` for the next page of documents; null on the last page.' }),
  }),
);
