import * as z from 'zod/mini';
import { page, Timestamp } from '../shapes.ts';

/** The organization's mail as its staff see it: today's limit and use, and what a limit holds back. */
export const MailOverview = /* @__PURE__ */ z.lazy(() =>
  z.object({
    limits: z.object({ daily: z.int(), used: z.int(), resetsAt: Timestamp }),
    waiting: z.object({
      count: z.int(),
      /** The oldest waiting mails, next to go first (at most 50). */
      items: z.array(z.object({ id: z.string(), template: z.string(), to: z.string(), queuedAt: Timestamp })),
    }),
  }),
);

/** An address SES reported for this organization's mail: nothing more is sent to it until staff confirm it or change the person's email. */
export const UndeliverableAddress = /* @__PURE__ */ z.lazy(() =>
  z.object({
    email: z.string(),
    /** `bounced`: the receiving server refused it for good; `complained`: its owner marked a mail as spam. */
    reason: z.enum(['bounced', 'complained']),
    at: Timestamp,
  }),
);
export const UndeliverableAddressPage = /* @__PURE__ */ z.lazy(() => page(UndeliverableAddress));
