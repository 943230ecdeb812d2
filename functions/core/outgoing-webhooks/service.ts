import { randomBytes } from 'node:crypto';
import type { StaffContext } from '../access/context.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { NotFound } from '../errors.ts';
import { newId } from '../ids.ts';
import type { ListInput } from '../shapes.ts';
import { attemptDelivery, destinationPolicy } from './delivery.ts';
import { checkResolvedUrl } from './destination.ts';
import * as repository from './repository.ts';
import type { CreateWebhookInput, DeliveryAttempt, WebhookDelivery, WebhookEndpoint } from './schema.ts';

/** During a rotation the previous secret keeps signing this long, so receivers can switch without losing an event. */
const ROTATION_OVERLAP_HOURS = 24;

/** `whsec_` and 24 random bytes in base64, as the Standard Webhooks libraries expect. */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

const endpointView = (endpoint: WebhookEndpoint) => ({
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events,
  status: endpoint.status,
  disabledReason: endpoint.disabledReason ?? null,
  createdAt: endpoint.createdAt,
});

const attemptView = (attempt: DeliveryAttempt) => ({
  at: attempt.at,
  status: attempt.status ?? null,
  error: attempt.error ?? null,
  manual: attempt.manual === true,
});
const deliveryView = (delivery: WebhookDelivery) => ({
  id: delivery.id,
  eventType: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts.map(attemptView),
  nextAttemptAt: delivery.nextAttemptAt ?? null,
  createdAt: delivery.createdAt,
  payload: delivery.payload,
});

const endpointSubject = (endpointId: string) => ({ type: 'webhook_endpoint', id: endpointId });

async function requireEndpoint(caller: StaffContext, endpointId: string) {
  const endpoint = await repository.getEndpoint(caller.orgId, endpointId);
  if (!endpoint) throw new NotFound('Webhook endpoint');
  return endpoint;
}

/** Adds an endpoint after checking its URL and where its host resolves; the secret is answered this once. */
export async function createWebhookEndpoint(caller: StaffContext, input: CreateWebhookInput) {
  const url = await checkResolvedUrl(input.url, destinationPolicy());
  const secret = newSecret();
  const endpoint: WebhookEndpoint = {
    id: newId('whe'),
    orgId: caller.orgId,
    url: url.toString(),
    events: [...new Set(input.events)],
    secrets: [{ secret }],
    status: 'enabled',
    createdAt: clock.iso(),
  };
  await commit([repository.putEndpointStep(endpoint), auditStep(caller.orgId, caller, 'webhook_endpoint.created', endpointSubject(endpoint.id))]);
  return { ...endpointView(endpoint), secret, previousSecretValidUntil: null };
}

export async function listWebhookEndpoints(caller: StaffContext, list: ListInput) {
  const found = await repository.listEndpointsPage(caller.orgId, list);
  return { items: found.items.map(endpointView), nextCursor: found.nextCursor };
}

export async function deleteWebhookEndpoint(caller: StaffContext, endpointId: string) {
  await commit([
    repository.deleteEndpointStep(caller.orgId, endpointId),
    auditStep(caller.orgId, caller, 'webhook_endpoint.deleted', endpointSubject(endpointId)),
  ]);
}

/** A new secret, answered this once; the current one keeps signing beside it for a day. */
export async function rotateWebhookSecret(caller: StaffContext, endpointId: string) {
  const endpoint = await requireEndpoint(caller, endpointId);
  const secret = newSecret();
  const previousSecretValidUntil = new Date(clock.now().getTime() + ROTATION_OVERLAP_HOURS * 3_600_000).toISOString();
  await commit([
    repository.setSecretsStep(caller.orgId, endpointId, [{ secret }, { secret: endpoint.secrets[0]!.secret, validUntil: previousSecretValidUntil }]),
    auditStep(caller.orgId, caller, 'webhook_endpoint.secret_rotated', endpointSubject(endpointId)),
  ]);
  return { ...endpointView(endpoint), secret, previousSecretValidUntil };
}

export async function listWebhookDeliveries(caller: StaffContext, endpointId: string, list: ListInput) {
  await requireEndpoint(caller, endpointId);
  const { items, nextCursor } = await repository.listDeliveries(caller.orgId, endpointId, list.limit, list.cursor);
  return { items: items.map(deliveryView), nextCursor };
}

/** Sends a delivery again now, whatever its state; its retry schedule is not moved. */
export async function redeliverWebhook(caller: StaffContext, endpointId: string, deliveryId: string) {
  await requireEndpoint(caller, endpointId);
  const delivery = await repository.getDelivery(caller.orgId, endpointId, deliveryId);
  if (!delivery) throw new NotFound('Webhook delivery');
  const after = await attemptDelivery(delivery, { manual: true });
  return deliveryView(after ?? ((await repository.getDelivery(caller.orgId, endpointId, deliveryId)) as WebhookDelivery));
}
