import type { Needs } from './needs.ts';

/**
 * The schedule table, beside the route and consumer tables: each entry is a
 * function EventBridge Scheduler invokes at a fixed rate, bound by the same
 * `needs`. Its handler acts as the system (`systemActor('scheduler')`).
 */
export interface ScheduleSpec {
  /** Handler file under functions/, without extension; it exports `handler`. */
  entry: string;
  summary: string;
  /** Minutes between runs. */
  rate: number;
  /** A run's limit: walks every connected account, so longer than a request's. */
  timeoutSeconds: number;
  needs: Needs;
}

export const schedules = {
  reconcileStripe: {
    entry: 'schedules/reconcile-stripe',
    summary: "Applies connected accounts' recent Stripe events that no webhook delivery applied",
    rate: 15,
    timeoutSeconds: 300,
    needs: { table: 'readwrite', stripe: true },
  },
  releaseWaitingMail: {
    entry: 'schedules/release-waiting-mail',
    summary: 'Sends the mail a daily limit held back, oldest first, once its window opens',
    rate: 5,
    timeoutSeconds: 300,
    needs: { table: 'readwrite', email: true, mailLimits: true },
  },
  retryWebhooks: {
    entry: 'schedules/retry-webhooks',
    summary: 'Attempts again the outgoing webhook deliveries whose next attempt is due',
    rate: 1,
    timeoutSeconds: 60,
    needs: { table: 'readwrite', outgoingWebhooks: true },
  },
  sendReminders: {
    entry: 'schedules/send-reminders',
    summary: "Sends each organization's invoice reminders due today, once its day has reached the sending hour in its time zone",
    rate: 60,
    timeoutSeconds: 300,
    needs: { table: 'readwrite' },
  },
} as const satisfies Record<string, ScheduleSpec>;

export type ScheduleName = keyof typeof schedules;
