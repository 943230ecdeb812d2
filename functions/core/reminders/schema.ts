import * as z from 'zod/mini';
import { DateInput } from '../shapes.ts';

export const RunRemindersBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    asOf: z
      .optional(DateInput)
      .register(z.globalRegistry, { description: "The day to run as (YYYY-MM-DD, the organization's calendar); default today in its time zone." }),
  }),
);

/** What a run of reminders did. */
export const ReminderRunResult = /* @__PURE__ */ z.lazy(() =>
  z.object({
    sent: z.int().register(z.globalRegistry, { description: 'Reminders sent by this run (one per invoice and offset, ever).' }),
    lateFees: z.int().register(z.globalRegistry, {
      description: 'Late fees those reminders charged, each a new invoice sent to the contact (one per invoice and offset, ever).',
    }),
  }),
);
