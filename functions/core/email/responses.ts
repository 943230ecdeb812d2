import * as z from 'zod/mini';
import { Timestamp } from '../shapes.ts';

/** The organization's mail as its staff see it: today's limit and use, and what a limit holds back. */
export const MailOverview = z.object({
  limits: z.object({ daily: z.int(), used: z.int(), resetsAt: Timestamp }),
  waiting: z.object({
    count: z.int(),
    /** The oldest waiting mails, next to go first (at most 50). */
    items: z.array(z.object({ id: z.string(), template: z.string(), to: z.string(), queuedAt: Timestamp })),
  }),
});
