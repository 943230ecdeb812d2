import type { Needs } from './needs.ts';

/**
 * The subscriber table, beside the route, consumer and schedule tables: each
 * entry is a function an SNS topic of the stack invokes, bound by its needs.
 */
export interface SubscriberSpec {
  /** Handler file under functions/, without extension; it exports `handler`. */
  entry: string;
  summary: string;
  needs: Needs;
}

export const subscribers = {
  mailFeedback: {
    entry: 'mail-feedback/ses-notifications',
    summary: "Marks the addresses SES reports as bouncing or complaining (the configuration set's topic): no more mail goes to them",
    needs: { table: 'readwrite' },
  },
} as const satisfies Record<string, SubscriberSpec>;
