import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { flushAtInvocationEnd } from './metrics-flush.ts';

/** Where the product's counts go in CloudWatch, and their one dimension (Powertools' `service`); the alarms and the dashboard read them there. */
export const metricsNamespace = 'Portico';
export const metricsService = 'portico';

/** What the product counts, each where it happens. */
export const metricNames = [
  'DocumentsSent',
  'PaymentsApplied',
  'RefundsApplied',
  'MailsSent',
  /** A mail that failed; its event is retried, so it goes out later or ends in the dead letters. */
  'MailsDeferred',
  /** A mail over its organization's daily cap: recorded as done, not sent. */
  'MailsHeld',
  /** A mail not sent because SES reported its address as bouncing or complaining. */
  'MailsUndeliverable',
  'WebhookEventsApplied',
  'WebhookEventsDuplicate',
  'WebhookEventsIgnored',
  /** A delivery whose signature failed: answered 400, nothing written. */
  'WebhookEventsRejected',
  /** A delivery that failed while applied: answered 5xx, Stripe retries it. */
  'WebhookEventsFailed',
  'AttemptsThrottled',
  /** Invoice reminders the daily run sent (by hand ones are not counted). */
  'RemindersSent',
  /** Late fees those reminders charged, each its own invoice. */
  'LateFeesCharged',
] as const;
export type MetricName = (typeof metricNames)[number];

const metrics = new Metrics({ namespace: metricsNamespace, serviceName: metricsService });

/** Counts one occurrence; written as EMF when the invocation ends (`flushMetrics`). */
export function count(name: MetricName, value = 1): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}

/** Writes the invocation's counts as one EMF line on stdout, which CloudWatch turns into metrics; nothing when nothing was counted. */
flushAtInvocationEnd(function flushMetrics(): void {
  if (!metrics.hasStoredMetrics()) return;
  if (process.env.PORTICO_LOG === 'silent') metrics.clearMetrics();
  else metrics.publishStoredMetrics();
});
