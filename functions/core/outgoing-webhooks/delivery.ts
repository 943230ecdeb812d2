import { Webhook } from 'standardwebhooks';
import { clock } from '../clock.ts';
import { config } from '../config.ts';
import type { DestinationPolicy } from './destination.ts';
import { disableEndpoint, getEndpoint, recordAttempt } from './repository.ts';
import type { WebhookDelivery, WebhookEndpoint } from './schema.ts';
import { postEvent } from './sender.ts';

/**
 * Minutes to wait after each failed attempt: the first attempt at once, then
 * growing waits that add up to 72 hours, like Stripe's and Svix's schedules.
 * After the last one the delivery has failed.
 */
export const RETRY_MINUTES = [1, 5, 30, 120, 300, 600, 840, 1200, 1200] as const;

export const destinationPolicy = (): DestinationPolicy => ({ allowLoopbackHttp: config('outgoingWebhooks').WEBHOOKS_ALLOW_LOOPBACK_HTTP === 'true' });

/** The endpoint's secrets that sign now: the current one, and during a rotation the previous one until its end. */
export const signingSecrets = (endpoint: WebhookEndpoint, now: Date) =>
  endpoint.secrets.filter((entry) => entry.validUntil === undefined || new Date(entry.validUntil) > now).map((entry) => entry.secret);

/** The Standard Webhooks headers: `webhook-signature` lists one `v1,…` per signing secret, space-separated. */
export function signedHeaders(delivery: Pick<WebhookDelivery, 'id' | 'payload'>, secrets: string[], at: Date): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(delivery.id, at, delivery.payload));
  return { 'webhook-id': delivery.id, 'webhook-timestamp': Math.floor(at.getTime() / 1000).toString(), 'webhook-signature': signatures.join(' ') };
}

const addMinutes = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000).toISOString();

/**
 * One attempt at a delivery, and what follows: delivered on a 2xx; on 410 Gone
 * the endpoint is disabled and the delivery fails; otherwise the next retry,
 * or failure once the schedule is spent. A manual attempt never moves the
 * schedule. Skipped (false) when another run attempted the delivery meanwhile.
 */
export async function attemptDelivery(delivery: WebhookDelivery, options: { manual?: boolean } = {}): Promise<WebhookDelivery | undefined> {
  const endpoint = await getEndpoint(delivery.orgId, delivery.endpointId);
  const now = clock.now();
  if (!endpoint || endpoint.status === 'disabled') {
    const settled: WebhookDelivery = { ...delivery, status: 'failed', nextAttemptAt: undefined };
    return (await recordAttempt(
      { ...settled, attempts: [...delivery.attempts, { at: now.toISOString(), error: 'endpoint-disabled' }] },
      delivery.attempts.length,
    ))
      ? settled
      : undefined;
  }
  const result = await postEvent(endpoint.url, delivery.payload, signedHeaders(delivery, signingSecrets(endpoint, now), now), destinationPolicy());
  const attempt = { at: now.toISOString(), ...result, ...(options.manual ? { manual: true } : {}) };
  const attempts = [...delivery.attempts, attempt];
  const status = 'status' in result ? result.status : 0;
  let next: WebhookDelivery;
  if (status >= 200 && status < 300) next = { ...delivery, attempts, status: 'delivered', nextAttemptAt: undefined };
  else if (status === 410) next = { ...delivery, attempts, status: 'failed', nextAttemptAt: undefined };
  else if (options.manual) next = { ...delivery, attempts };
  else {
    const automatic = attempts.filter((entry) => !('manual' in entry)).length;
    const wait = RETRY_MINUTES[automatic - 1];
    next =
      wait === undefined
        ? { ...delivery, attempts, status: 'failed', nextAttemptAt: undefined }
        : { ...delivery, attempts, nextAttemptAt: addMinutes(now, wait) };
  }
  if (!(await recordAttempt(next, delivery.attempts.length))) return undefined;
  if (status === 410) await disableEndpoint(delivery.orgId, delivery.endpointId);
  return next;
}
