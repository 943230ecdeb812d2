import * as z from 'zod/mini';
import { page, Timestamp } from '../shapes.ts';
import { webhookEventTypes } from './schema.ts';

export const WebhookEndpointView = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(webhookEventTypes)),
  status: z.enum(['enabled', 'disabled']),
  disabledReason: z.nullable(z.enum(['gone'])),
  createdAt: Timestamp,
});

/** Answered once, at creation or rotation: the secret is never shown again. */
export const WebhookEndpointWithSecret = z.extend(WebhookEndpointView, {
  secret: z.string(),
  /** During a rotation: until when the previous secret still signs. */
  previousSecretValidUntil: z.nullable(Timestamp),
});

export const WebhookEndpointPage = page(WebhookEndpointView);

const Attempt = z.object({ at: Timestamp, status: z.nullable(z.int()), error: z.nullable(z.string()), manual: z.boolean() });

export const WebhookDeliveryView = z.object({
  id: z.string(),
  eventType: z.enum(webhookEventTypes),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.array(Attempt),
  nextAttemptAt: z.nullable(Timestamp),
  createdAt: Timestamp,
  payload: z.string(),
});

export const WebhookDeliveryPage = page(WebhookDeliveryView);
