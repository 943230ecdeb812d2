import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allPages } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Conflict } from '../errors.ts';

/** Resolves (organization, email) to the person at login; one per person whose access is not disabled. */
export interface PortalLogin {
  email: string;
  contactId: string;
  personId: string;
  username: string;
  portalGeneration: number;
  /** The person's current grant (written with it): a reset code asked for under another is refused. Absent on logins from before grant ids. */
  grantId?: string;
}

export const emailInUse = (email: string) =>
  new Conflict('EMAIL_IN_USE', `Another contact person of this organization already has portal access with ${email}.`, { email });

/** Claims an email for a person's portal access: unique within the organization. */
export function putLoginStep(orgId: string, login: PortalLogin): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.portalLogin(orgId, login.email), type: 'portalLogin', ...login },
        ConditionExpression: 'attribute_not_exists(PK) OR personId = :person',
        ExpressionAttributeValues: { ':person': login.personId },
      },
    },
    onConditionFailed: () => emailInUse(login.email),
  };
}

/** Frees a person's login email (access disabled, email changed, person removed). */
export function deleteLoginStep(orgId: string, email: string, personId: string): TransactionStep {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: keys.portalLogin(orgId, email),
        ConditionExpression: 'attribute_not_exists(PK) OR personId = :person',
        ExpressionAttributeValues: { ':person': personId },
      },
    },
    onConditionFailed: () => emailInUse(email),
  };
}

/** Who logs in with this email at this organization's portal? */
export async function getLogin(orgId: string, email: string): Promise<PortalLogin | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.portalLogin(orgId, email) }));
  return Item ? withoutKeys<PortalLogin>(Item) : undefined;
}

/** Which persons hold access granted before this portal generation (they need re-inviting after a rename)? */
export async function listLoginsBefore(orgId: string, generation: number): Promise<PortalLogin[]> {
  const { PK, SKPrefix } = keys.portalLoginPrefix(orgId);
  const logins: PortalLogin[] = [];
  for await (const page of allPages({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    FilterExpression: 'portalGeneration < :generation',
    ExpressionAttributeValues: { ':pk': PK, ':prefix': SKPrefix, ':generation': generation },
  })) {
    logins.push(...(page.Items ?? []).map((item) => withoutKeys<PortalLogin>(item)));
  }
  return logins;
}

/** How many persons of the organization hold portal access (each has one login item)? */
export async function countPortalLogins(orgId: string): Promise<number> {
  const { PK, SKPrefix } = keys.portalLoginPrefix(orgId);
  let count = 0;
  for await (const page of allPages({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': PK, ':prefix': SKPrefix },
    Select: 'COUNT',
  })) {
    count += page.Count ?? 0;
  }
  return count;
}
