import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allWithPrefix, type Page, queryPage } from '../db/pages.ts';
import { isConditionFailure, type TransactionStep } from '../db/transact.ts';
import { NotFound } from '../errors.ts';
import type { ListInput } from '../shapes.ts';
import type { WebhookDelivery, WebhookEndpoint } from './schema.ts';

/** Adds an endpoint. */
export function putEndpointStep(endpoint: WebhookEndpoint): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.webhookEndpoint(endpoint.orgId, endpoint.id), type: 'webhook-endpoint', ...endpoint },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/** One endpoint of the organization. */
export async function getEndpoint(orgId: string, endpointId: string): Promise<WebhookEndpoint | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.webhookEndpoint(orgId, endpointId) }));
  return Item && withoutKeys<WebhookEndpoint>(Item);
}

/** Every endpoint of the organization: those an event goes to. */
export async function listEndpoints(orgId: string): Promise<WebhookEndpoint[]> {
  return (await allWithPrefix(keys.webhookEndpointPrefix(orgId))).map((item) => withoutKeys<WebhookEndpoint>(item));
}

/** A page of the organization's endpoints. */
export async function listEndpointsPage(orgId: string, list: ListInput): Promise<Page<WebhookEndpoint>> {
  const found = await queryPage(keys.webhookEndpointPrefix(orgId), list.limit, list.cursor);
  return { items: found.items.map((item) => withoutKeys<WebhookEndpoint>(item)), nextCursor: found.nextCursor };
}

const endpointGone = () => new NotFound('Webhook endpoint');

/** Removes an endpoint (404 when it is not there). Its deliveries expire with nobody to send them to. */
export function deleteEndpointStep(orgId: string, endpointId: string): TransactionStep {
  return {
    write: { Delete: { TableName: tableName(), Key: keys.webhookEndpoint(orgId, endpointId), ConditionExpression: 'attribute_exists(PK)' } },
    onConditionFailed: endpointGone,
  };
}

/** Replaces the signing secrets of an endpoint that still exists. */
export function setSecretsStep(orgId: string, endpointId: string, secrets: WebhookEndpoint['secrets']): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.webhookEndpoint(orgId, endpointId),
        UpdateExpression: 'SET secrets = :secrets',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':secrets': secrets },
      },
    },
    onConditionFailed: endpointGone,
  };
}

/** Disables an endpoint whose receiver said it is gone. */
export async function disableEndpoint(orgId: string, endpointId: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.webhookEndpoint(orgId, endpointId),
      UpdateExpression: 'SET #status = :disabled, disabledReason = :gone',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':disabled': 'disabled', ':gone': 'gone' },
    }),
  );
}

/** Records a new delivery; false when this message to this endpoint exists already (a redelivered event). */
export async function createDelivery(delivery: WebhookDelivery): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.webhookDelivery(delivery.orgId, delivery.endpointId, delivery.id), type: 'webhook-delivery', ...delivery },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** One delivery of an endpoint. */
export async function getDelivery(orgId: string, endpointId: string, deliveryId: string): Promise<WebhookDelivery | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.webhookDelivery(orgId, endpointId, deliveryId), ConsistentRead: true }));
  return Item && withoutKeys<WebhookDelivery>(Item);
}

/** An endpoint's delivery log, newest first. */
export async function listDeliveries(orgId: string, endpointId: string, limit: number, cursor: string | undefined) {
  const { items, nextCursor } = await queryPage(keys.webhookDeliveryPrefix(orgId, endpointId), limit, cursor, 'descending');
  return { items: items.map((item) => withoutKeys<WebhookDelivery>(item)), nextCursor };
}

/**
 * Records an attempt and what follows, if no other attempt was recorded since
 * `seenAttempts` (false then: another run attempted it). A pending delivery
 * stays in the retry index at its next attempt; a settled one leaves it.
 */
export async function recordAttempt(delivery: WebhookDelivery, seenAttempts: number): Promise<boolean> {
  const retry = delivery.status === 'pending' && delivery.nextAttemptAt;
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.webhookDelivery(delivery.orgId, delivery.endpointId, delivery.id),
        UpdateExpression: retry
          ? 'SET #status = :status, attempts = :attempts, nextAttemptAt = :next, GSI1PK = :gsiPk, GSI1SK = :gsiSk'
          : 'SET #status = :status, attempts = :attempts REMOVE nextAttemptAt, GSI1PK, GSI1SK',
        ConditionExpression: 'size(attempts) = :seen',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': delivery.status,
          ':attempts': delivery.attempts,
          ':seen': seenAttempts,
          ...(retry
            ? (() => {
                const index = keys.webhookRetryIndex(delivery.nextAttemptAt!, delivery.orgId, delivery.endpointId, delivery.id);
                return { ':next': delivery.nextAttemptAt, ':gsiPk': index.GSI1PK, ':gsiSk': index.GSI1SK };
              })()
            : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Which deliveries are due for their next attempt by `asOf`, across organizations, oldest first? (GSI1) */
export async function dueDeliveries(asOf: string, limit: number): Promise<{ orgId: string; endpointId: string; deliveryId: string }[]> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :asOf',
      ExpressionAttributeValues: { ':pk': keys.webhookRetriesPartition().GSI1PK, ':asOf': `${asOf}#~` },
      Limit: limit,
    }),
  );
  return Items.map((item) => ({ orgId: item.orgId as string, endpointId: item.endpointId as string, deliveryId: item.id as string }));
}
