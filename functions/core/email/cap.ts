import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock.ts';
import { db, tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import { isConditionFailure } from '../db/transact.ts';
import { MailCapReached } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';

/** Emails an organization may send per UTC day: few while it is new (a fresh sign-up is the cheapest spam source), more once established. */
export const dailyMailCap = { newOrganization: 50, established: 1_000, newForDays: 7 } as const;

const DAY_MS = 86_400_000;

export function dailyCapOf(organization: Pick<Organization, 'createdAt'>, now: Date): number {
  const age = now.getTime() - Date.parse(organization.createdAt);
  return age < dailyMailCap.newForDays * DAY_MS ? dailyMailCap.newOrganization : dailyMailCap.established;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * Refuses, before anything is written, a request that would send `count`
 * emails past today's cap: a request-path mail over the cap answers 429 rather
 * than granting access nobody is told about. `countMail` still enforces the cap
 * at the send, should concurrent requests pass this check together.
 */
export async function requireMailAllowance(organization: Pick<Organization, 'id' | 'createdAt'>, count: number): Promise<void> {
  const now = clock.now();
  const cap = dailyCapOf(organization, now);
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.mailCount(organization.id, today(now)), ConsistentRead: true }));
  if (((Item?.sent as number | undefined) ?? 0) + count > cap) throw new MailCapReached(cap);
}

/**
 * Counts one email against the organization's cap for today, atomically: one
 * conditioned ADD, so concurrent senders cannot pass the cap together. Over the
 * cap it throws `MailCapReached` and counts nothing. The counter expires a day
 * after its day ends.
 */
export async function countMail(organization: Pick<Organization, 'id' | 'createdAt'>): Promise<void> {
  const now = clock.now();
  const day = today(now);
  const cap = dailyCapOf(organization, now);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.mailCount(organization.id, day),
        UpdateExpression: 'ADD sent :one SET #type = :type, expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ConditionExpression: 'attribute_not_exists(sent) OR sent < :cap',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':cap': cap, ':type': 'mailCount', ':expiresAt': Date.parse(`${day}T00:00:00Z`) / 1000 + 2 * 86_400 },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new MailCapReached(cap);
    throw error;
  }
}
