import { BatchGetCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock.ts';
import { db, tableName } from '../db/client.ts';
import { type Key, keys } from '../db/keys.ts';
import { isConditionFailure } from '../db/transact.ts';
import { MailCapReached } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';
import { mailDay, nextWindow, organizationDailyLimit, senderDailyLimit } from './limits.ts';

type MailingOrganization = Pick<Organization, 'id' | 'createdAt'>;

/** Who an email is counted against: its organization, and the staff user who caused it (none for the portal's people or the system). */
export interface Sending {
  organization: MailingOrganization;
  senderId?: string;
}

/** The daily limit the operator set for one organization, if any. */
export async function raisedLimitOf(orgId: string): Promise<number | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.mailLimit(orgId), ConsistentRead: true }));
  return Item?.daily as number | undefined;
}

/** Sets one organization's daily limit (the operator's command). */
export async function setOrganizationMailLimit(orgId: string, daily: number): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.mailLimit(orgId), type: 'mailLimit', daily, setAt: clock.iso() } }));
}

/** Each counter an email of this sending moves today, with its limit. */
async function countersOf({ organization, senderId }: Sending, now: Date) {
  const day = mailDay(now);
  const organizationLimit = organizationDailyLimit(organization, await raisedLimitOf(organization.id), now);
  const counters: { scope: 'organization' | 'sender'; key: Key; limit: number }[] = [
    { scope: 'organization', key: keys.mailCount(organization.id, day), limit: organizationLimit },
  ];
  if (senderId) counters.push({ scope: 'sender', key: keys.senderMailCount(senderId, day), limit: senderDailyLimit(organizationLimit) });
  return counters;
}

/** The organization's limit today, what it used, and when the count starts afresh. */
export async function mailUsage(organization: MailingOrganization): Promise<{ daily: number; used: number; resetsAt: string }> {
  const now = clock.now();
  const [counter] = await countersOf({ organization }, now);
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: counter!.key, ConsistentRead: true }));
  return { daily: counter!.limit, used: (Item?.sent as number | undefined) ?? 0, resetsAt: nextWindow(now) };
}

/**
 * Refuses, before anything is written, a request that would send `count`
 * emails past today's limits: a request-path mail over a limit answers 429
 * (saying when the count starts afresh) rather than granting access nobody is
 * told about. `countMail` still enforces the limits at the send.
 */
export async function requireMailAllowance(sending: Sending, count: number): Promise<void> {
  const now = clock.now();
  const counters = await countersOf(sending, now);
  const { Responses } = await db().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: counters.map((counter) => counter.key), ConsistentRead: true } } }),
  );
  const found = Responses?.[tableName()] ?? [];
  for (const counter of counters) {
    const sent = (found.find((item) => item.PK === counter.key.PK && item.SK === counter.key.SK)?.sent as number | undefined) ?? 0;
    if (sent + count > counter.limit) throw new MailCapReached(counter.scope, counter.limit, nextWindow(now), now);
  }
}

/**
 * Counts one email against each of its limits for today: conditioned ADDs, so
 * concurrent senders cannot pass a limit together. The sender's counter goes
 * first and is given back when the organization's refuses, so an email over a
 * limit counts nothing. (Not one transaction: every concurrent send would
 * conflict on the same counters.) The counters expire a day after their day.
 */
export async function countMail(sending: Sending): Promise<void> {
  const now = clock.now();
  const day = mailDay(now);
  const counters = (await countersOf(sending, now)).reverse();
  const counted: Key[] = [];
  try {
    for (const counter of counters) {
      await addToCounter(counter.key, 1, { limit: counter.limit, expiresAt: Date.parse(`${day}T00:00:00Z`) / 1000 + 2 * 86_400 });
      counted.push(counter.key);
    }
  } catch (error) {
    await Promise.all(counted.map((key) => addToCounter(key, -1)));
    const refused = counters[counted.length];
    if (refused && isConditionFailure(error)) throw new MailCapReached(refused.scope, refused.limit, nextWindow(now), now);
    throw error;
  }
}

/** Adds to a day's counter; with a limit, only while it is below it. */
async function addToCounter(key: Key, amount: number, bounded?: { limit: number; expiresAt: number }): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: key,
      UpdateExpression: bounded ? 'ADD sent :amount SET #type = :type, expiresAt = if_not_exists(expiresAt, :expiresAt)' : 'ADD sent :amount',
      ConditionExpression: bounded ? 'attribute_not_exists(sent) OR sent < :limit' : undefined,
      ExpressionAttributeNames: bounded ? { '#type': 'type' } : undefined,
      ExpressionAttributeValues: bounded
        ? { ':amount': amount, ':limit': bounded.limit, ':type': 'mailCount', ':expiresAt': bounded.expiresAt }
        : { ':amount': amount },
    }),
  );
}
