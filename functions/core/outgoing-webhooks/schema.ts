import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { OrgParams } from '../orgs/schema.ts';

/** The events an endpoint can subscribe to. */
export const webhookEventTypes = [
  'invoice.sent',
  'document.viewed',
  'invoice.paid',
  'payment.received',
  'payment.refunded',
  'estimate.accepted',
  'estimate.declined',
  'comment.created',
  'credit_note.issued',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));

export const CreateWebhookBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    url: z.string().check(z.minLength(8), z.maxLength(2048)),
    events: z.array(z.enum(webhookEventTypes)).check(z.minLength(1), z.maxLength(webhookEventTypes.length)),
  }),
);
export type CreateWebhookInput = z.infer<typeof CreateWebhookBody>;

export const WebhookParams = /* @__PURE__ */ z.lazy(() => z.extend(built(OrgParams), { webhookId: id }));
export const DeliveryParams = /* @__PURE__ */ z.lazy(() => z.extend(built(WebhookParams), { deliveryId: z.string().check(z.minLength(1), z.maxLength(100)) }));

/** An endpoint as stored. The secrets sign; more than one only during a rotation, the older with its end. */
export interface WebhookEndpoint {
  id: string;
  orgId: string;
  url: string;
  events: WebhookEventType[];
  secrets: { secret: string; validUntil?: string }[];
  status: 'enabled' | 'disabled';
  /** Why it was disabled: the receiver answered 410 Gone. */
  disabledReason?: 'gone';
  createdAt: string;
}

/** One attempt at a delivery: the receiver's status, or why there was none. */
export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
  manual?: boolean;
}

/** One message to one endpoint, with its attempts. `payload` is the exact body every attempt signs and sends. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  orgId: string;
  eventType: WebhookEventType;
  payload: string;
  /** `pending` while retries remain, `delivered` after a 2xx, `failed` once retries ran out, the endpoint went away or was disabled. */
  status: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  nextAttemptAt?: string;
  createdAt: string;
}
