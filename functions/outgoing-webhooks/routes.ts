import { administrators } from '../core/access/roles.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import { WebhookDeliveryPage, WebhookDeliveryView, WebhookEndpointPage, WebhookEndpointWithSecret } from '../core/outgoing-webhooks/responses.ts';
import { CreateWebhookBody, DeliveryParams, WebhookParams } from '../core/outgoing-webhooks/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const createWebhookRoute = {
  entry: 'outgoing-webhooks/create-webhook',
  summary: 'Add an endpoint for chosen events: https, to a public address; the signing secret is answered this once',
  responses: { 201: WebhookEndpointWithSecret },
  errors: [422],
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  body: CreateWebhookBody,
  needs: { table: 'readwrite', outgoingWebhooks: true },
} as const satisfies RouteSpec;

export const listWebhooksRoute = {
  entry: 'outgoing-webhooks/list-webhooks',
  summary: "The organization's webhook endpoints (without their secrets)",
  responses: { 200: WebhookEndpointPage },
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const deleteWebhookRoute = {
  entry: 'outgoing-webhooks/delete-webhook',
  summary: 'Remove an endpoint: nothing more is sent to it',
  responses: { 204: null },
  auth: 'member',
  roles: administrators,
  params: WebhookParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const rotateWebhookSecretRoute = {
  entry: 'outgoing-webhooks/rotate-webhook-secret',
  summary: 'A new signing secret, answered this once; the previous one keeps signing beside it for 24 hours',
  responses: { 200: WebhookEndpointWithSecret },
  auth: 'member',
  roles: administrators,
  params: WebhookParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const listWebhookDeliveriesRoute = {
  entry: 'outgoing-webhooks/list-webhook-deliveries',
  summary: "An endpoint's delivery log, newest first: each message, its attempts and their answers",
  responses: { 200: WebhookDeliveryPage },
  auth: 'member',
  roles: administrators,
  params: WebhookParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const redeliverWebhookRoute = {
  entry: 'outgoing-webhooks/redeliver-webhook',
  summary: 'Send a delivery again now, signed anew, whatever its state',
  responses: { 200: WebhookDeliveryView },
  auth: 'member',
  roles: administrators,
  params: DeliveryParams,
  needs: { table: 'readwrite', outgoingWebhooks: true },
} as const satisfies RouteSpec;

/** Signed outgoing webhooks to the organization's own systems (Standard Webhooks). */
export const routes = {
  'POST /v1/orgs/{orgId}/webhooks': createWebhookRoute,
  'GET /v1/orgs/{orgId}/webhooks': listWebhooksRoute,
  'DELETE /v1/orgs/{orgId}/webhooks/{webhookId}': deleteWebhookRoute,
  'POST /v1/orgs/{orgId}/webhooks/{webhookId}/rotate-secret': rotateWebhookSecretRoute,
  'GET /v1/orgs/{orgId}/webhooks/{webhookId}/deliveries': listWebhookDeliveriesRoute,
  'POST /v1/orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver': redeliverWebhookRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Outgoing webhooks';
