import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { batchGet } from '../db/batch-get.ts';
import { db, tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import { type Page, queryPage } from '../db/pages.ts';

/** The message tag naming the organization whose mail it was; SES returns it with each bounce or complaint. */
export const MAIL_TAG_ORGANIZATION = 'orgId';

/** Why SES says an address takes no more mail: a permanent bounce, or its owner marked a mail as spam. */
export const undeliverableReasons = ['bounced', 'complained'] as const;
export type UndeliverableReason = (typeof undeliverableReasons)[number];

const UndeliverableSchema = z.object({
  email: z.string(),
  reason: z.enum(undeliverableReasons),
  /** When SES saw it. */
  at: z.string(),
  /** The SES message it happened to. */
  messageId: z.string(),
});
export type UndeliverableAddress = z.infer<typeof UndeliverableSchema>;

/** Records what SES reported; a later report of the same address replaces the earlier (a redelivered notification writes the same). */
export async function markUndeliverable(orgId: string, address: UndeliverableAddress): Promise<void> {
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.undeliverableAddress(orgId, address.email), type: 'undeliverableAddress', ...address } }),
  );
}

/** Staff confirmed the address (or it changed): mail goes to it again. */
export async function clearUndeliverable(orgId: string, email: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keys.undeliverableAddress(orgId, email) }));
}

/** What SES reported for these addresses, by address; those it never reported are absent. */
export async function undeliverableAmong(orgId: string, emails: string[]): Promise<Map<string, UndeliverableAddress>> {
  const unique = [...new Set(emails)];
  const items = unique.length ? await batchGet(unique.map((email) => keys.undeliverableAddress(orgId, email))) : [];
  return new Map(items.flatMap((item) => (item ? [[String(item.email), UndeliverableSchema.parse(item)] as const] : [])));
}

/** One page of the organization's undeliverable addresses, by address. */
export async function listUndeliverable(orgId: string, page: { limit: number; cursor?: string }): Promise<Page<UndeliverableAddress>> {
  const found = await queryPage(keys.undeliverableAddresses(orgId), page.limit, page.cursor);
  return { items: found.items.map((item) => UndeliverableSchema.parse(item)), nextCursor: found.nextCursor };
}

/** Whether the address is recorded as undeliverable: confirming one that is not is a 404. */
export async function isUndeliverable(orgId: string, email: string): Promise<boolean> {
  return (await undeliverableAmong(orgId, [email])).has(email);
}
