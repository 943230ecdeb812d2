import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { page, Timestamp } from '../shapes.ts';
import { webhookEventTypes } from './schema.ts';

export const WebhookEndpointView = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(webhookEventTypes)),
    status: z.enum(['enabled', 'disabled']),
    disabledReason: z.nullable(z.enum(['gone'])),
    createdAt: Timestamp,
  }),
);

/** Answered once, at creation or rotation: the secret is never shown again. */
export const WebhookEndpointWithSecret = /* @__PURE__ */ z.lazy(() =>
  z.extend(built(WebhookEndpointView), {
    secret: z.string(),
    /** During a rotation: until when the previous secret still signs. */
    previousSecretValidUntil: z.nullable(Timestamp),
  }),
);

export const WebhookEndpointPage = /* @__PURE__ */ z.lazy(() => page(WebhookEndpointView));

const Attempt = /* @__PURE__ */ z.lazy(() => z.object({ at: Timestamp, status: z.nullable(z.int()), error: z.nullable(z.string()), manual: z.boolean() }));

export const WebhookDeliveryView = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    eventType: z.enum(webhookEventTypes),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.array(Attempt),
    nextAttemptAt: z.nullable(Timestamp),
    createdAt: Timestamp,
    payload: z.string(),
  }),
);

export const WebhookDeliveryPage = /* @__PURE__ */ z.lazy(() => page(WebhookDeliveryView));
