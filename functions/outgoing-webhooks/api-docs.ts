import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "Signed webhooks to the organization's own systems, after the Standard Webhooks specification: each message carries `webhook-id`, `webhook-timestamp` and `webhook-signature` (HMAC-SHA256 with the endpoint's secret, `whsec_…`), so any Standard Webhooks library verifies it.",
  operations: {
    'POST /v1/orgs/{orgId}/webhooks': {
      description:
        'Owners and admins only. The URL must be https and resolve to a public address (`422` otherwise); `events` names at least one event type. The answer carries the signing secret once: store it, later reads never show it. A delivery that fails (an error status, a 5 s timeout, an unreachable address) is attempted again after 1, 5, 30, 120, 300, 600, 840, 1200 and 1200 minutes (72 hours in all), then marked failed; an endpoint answering `410 Gone` is disabled.',
      example: { url: 'https://erp.example.com/portico/events', events: ['invoice.sent', 'payment.received'] },
    },
    'GET /v1/orgs/{orgId}/webhooks': {
      description: "The organization's endpoints, each with its URL, events, status (and `disabledReason` when disabled) and creation time; never a secret.",
    },
    'DELETE /v1/orgs/{orgId}/webhooks/{webhookId}': {
      description: 'Removes the endpoint; deliveries not yet made to it are not attempted. An unknown or another organization’s endpoint is `404`.',
    },
    'POST /v1/orgs/{orgId}/webhooks/{webhookId}/rotate-secret': {
      description:
        'Answers a new secret once. For 24 hours every message is signed with both secrets (two signatures in `webhook-signature`), so the receiver can switch without losing a message.',
    },
    'GET /v1/orgs/{orgId}/webhooks/{webhookId}/deliveries': {
      description:
        'The delivery log, newest first, paged with `limit` and `cursor`: each message with its event type, payload, status (pending, delivered, failed), next attempt, and every attempt’s time with the receiver’s status code or the failure.',
    },
    'POST /v1/orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver': {
      description:
        'Sends the message again now with a fresh timestamp and signature and the same `webhook-id`, so a receiver that already handled it can skip it. It does not move the retry schedule.',
    },
  },
} satisfies AreaDocs<typeof routes>;
