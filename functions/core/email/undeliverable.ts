import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { db, tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import { type Page, queryPage } from '../db/pages.ts';
import { isConditionFailure } from '../db/transact.ts';

/** The message tag naming the organization whose mail it was; SES returns it with each bounce or complaint. */
export const MAIL_TAG_ORGANIZATION = 'orgId';

/** Why SES says an address takes no more mail: a permanent bounce, or its owner marked a mail as spam. */
export const undeliverableReasons = ['bounced', 'complained'] as const;
export type UndeliverableReason = (typeof undeliverableReasons)[number];

const UndeliverableSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    email: z.string(),
    reason: z.enum(undeliverableReasons),
    /** When SES saw it. */
    at: z.string(),
    /** The SES message it happened to. */
    messageId: z.string(),
  }),
);
export type UndeliverableAddress = z.infer<typeof UndeliverableSchema>;

/** Records what SES reported; a later report of the same address replaces the earlier (a redelivered notification writes the same). */
export async function markUndeliverable(orgId: string, address: UndeliverableAddress): Promise<void> {
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.undeliverableAddress(orgId, address.email), type: 'undeliverableAddress', ...address } }),
  );
}

/** Staff confirmed the address: mail goes to it again. False when it was not recorded (one conditional delete, no read first). */
export async function clearUndeliverable(orgId: string, email: string): Promise<boolean> {
  try {
    await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.undeliverableAddress(orgId, email), ConditionExpression: 'attribute_exists(PK)' }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** What SES reported for this address, if anything. */
export async function getUndeliverable(orgId: string, email: string): Promise<UndeliverableAddress | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.undeliverableAddress(orgId, email) }));
  return Item ? UndeliverableSchema.parse(Item) : undefined;
}

/** One page of the organization's undeliverable addresses, by address. */
export async function listUndeliverable(orgId: string, page: { limit: number; cursor?: string }): Promise<Page<UndeliverableAddress>> {
  const found = await queryPage(keys.undeliverableAddresses(orgId), page.limit, page.cursor);
  return { items: found.items.map((item) => UndeliverableSchema.parse(item)), nextCursor: found.nextCursor };
}
