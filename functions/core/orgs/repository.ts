import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../db/batch-get.ts';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { versionedUpdate } from '../db/versioned-update.ts';
import { StaleWrite } from '../errors.ts';
import type { Organization } from './schema.ts';

/** Creates the organization item (a step of the creation transaction). */
export function putOrganizationStep(organization: Organization): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.organization(organization.id), type: 'organization', ...organization },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/** Reads one organization by id. */
export async function getOrganization(orgId: string): Promise<Organization | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.organization(orgId) }));
  return Item ? withoutKeys<Organization>(Item) : undefined;
}

/** Reads several organizations at once (a staff user's list). */
export async function getOrganizations(orgIds: string[]): Promise<Organization[]> {
  const items = await batchGet(orgIds.map((id) => keys.organization(id)));
  return items.filter((item) => item !== undefined).map((item) => withoutKeys<Organization>(item));
}

/** Updates profile fields if nobody changed the organization since `expectedVersion` was read (also the organization's half of a portal rename). */
export function updateOrganizationStep(orgId: string, fields: Partial<Organization>, expectedVersion: number): TransactionStep {
  return {
    write: { Update: versionedUpdate(tableName(), keys.organization(orgId), fields, expectedVersion) },
    onConditionFailed: () => new StaleWrite('The organization'),
  };
}
