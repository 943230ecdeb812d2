import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { clock } from '../clock.ts';
import { db, tableName } from '../db/client.ts';
import { type Key, keys } from '../db/keys.ts';
import { allPages } from '../db/pages.ts';
import { isConditionFailure } from '../db/transact.ts';
import { type TemplateKey, templateKeys } from '../email-templates/catalog.ts';
import { LANGUAGES } from '../i18n/languages.ts';

/** One email a limit held back: everything needed to send it later as it would have gone. */
export const WaitingMailSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    SK: z.string(),
    orgId: z.string(),
    at: z.iso.datetime(),
    id: z.string(),
    template: z.enum(templateKeys as [TemplateKey, ...TemplateKey[]]),
    to: z.string(),
    values: z.record(z.string(), z.string()),
    senderId: z.optional(z.string()),
    /** The reader's language; absent: the organization's (staff mail, and mail held before languages). */
    language: z.optional(z.enum(LANGUAGES)),
    claimedAt: z.optional(z.number()),
    /** A digest: not sent before this time; its entries fill the value `digestInto`, `more` counts the entries it had no room for. */
    notBefore: z.optional(z.iso.datetime()),
    digestInto: z.optional(z.string()),
    entries: z.optional(z.array(z.string())),
    more: z.optional(z.number()),
  }),
);
export type WaitingMail = z.infer<typeof WaitingMailSchema>;

/** How long a claim on a waiting mail belongs to the run that made it: longer than a schedule's run. */
const CLAIM_SECONDS = 600;

const keyOf = (mail: Pick<WaitingMail, 'orgId' | 'SK'>): Key => ({ PK: keys.waitingMailPrefix(mail.orgId).PK, SK: mail.SK });

/** Entries one digest holds; later ones are only counted (the document has them all). */
export const DIGEST_ENTRIES = 20;

/** Holds one email for the next window; a second hold of the same email (a redelivered event) leaves the first. */
export async function holdMail(mail: Omit<WaitingMail, 'SK' | 'claimedAt'>): Promise<void> {
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.waitingMail(mail.orgId, mail.at, mail.id), ...keys.waitingMailIndex(mail.orgId, mail.at, mail.id), type: 'waitingMail', ...mail },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Does the organization have mail a limit held? New mail then waits behind it, so mail goes in order. (Digests wait for their time only.) */
export async function hasWaitingMail(orgId: string): Promise<boolean> {
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND SK < :digests',
      ExpressionAttributeValues: { ':pk': keys.waitingMailPrefix(orgId).PK, ':digests': keys.mailDigestStart() },
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return (Items?.length ?? 0) > 0;
}

/**
 * Adds one entry to the recipient's digest that goes at `notBefore`, creating
 * it with the mail's values on the first entry. Past `DIGEST_ENTRIES` the entry
 * is only counted, so a digest stays small whatever is written.
 */
export async function addToDigest(
  mail: Pick<WaitingMail, 'orgId' | 'template' | 'to' | 'values' | 'senderId'> & { notBefore: string; subject: string; recipient: string; digestInto: string },
  entry: string,
): Promise<void> {
  const key = keys.mailDigest(mail.orgId, mail.notBefore, mail.subject, mail.recipient);
  const id = key.SK;
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression:
          'SET #type = :type, orgId = :orgId, #at = :at, id = :id, template = :template, #to = :to, #values = if_not_exists(#values, :values), digestInto = :into, notBefore = :at, GSI1PK = :gsiPk, GSI1SK = :gsiSk, entries = list_append(if_not_exists(entries, :none), :entry)' +
          (mail.senderId ? ', senderId = :senderId' : ''),
        ConditionExpression: 'attribute_not_exists(entries) OR size(entries) < :max',
        ExpressionAttributeNames: { '#type': 'type', '#at': 'at', '#to': 'to', '#values': 'values' },
        ExpressionAttributeValues: {
          ':type': 'waitingMail',
          ':orgId': mail.orgId,
          ':at': mail.notBefore,
          ':id': id,
          ':template': mail.template,
          ':to': mail.to,
          ':values': mail.values,
          ':into': mail.digestInto,
          ':gsiPk': keys.waitingMailEverywhere().GSI1PK,
          ':gsiSk': keys.waitingMailIndex(mail.orgId, mail.notBefore, id).GSI1SK,
          ':none': [],
          ':entry': [entry],
          ':max': DIGEST_ENTRIES,
          ...(mail.senderId ? { ':senderId': mail.senderId } : {}),
        },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    await db().send(new UpdateCommand({ TableName: tableName(), Key: key, UpdateExpression: 'ADD more :one', ExpressionAttributeValues: { ':one': 1 } }));
  }
}

/** The organization's oldest waiting mails, first to go first. */
export async function oldestWaiting(orgId: string, limit: number): Promise<WaitingMail[]> {
  const range = keys.waitingMailPrefix(orgId);
  const { Items } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': range.PK },
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).map((item) => WaitingMailSchema.parse(item));
}

/** How many mails wait in the organization. */
export async function countWaiting(orgId: string): Promise<number> {
  let count = 0;
  for await (const page of allPages({
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': keys.waitingMailPrefix(orgId).PK },
    Select: 'COUNT',
  })) {
    count += page.Count ?? 0;
  }
  return count;
}

/** Every waiting mail, oldest first: of one organization, or of every organization (the index, for the schedule). */
export async function* everyWaiting(orgId?: string): AsyncGenerator<WaitingMail> {
  const query = orgId
    ? { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.waitingMailPrefix(orgId).PK }, ConsistentRead: true }
    : { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.waitingMailEverywhere().GSI1PK } };
  for await (const page of allPages(query)) {
    for (const item of page.Items ?? []) yield WaitingMailSchema.parse(item);
  }
}

/** Claims a waiting mail for one run; false when another run holds it (or sent it meanwhile). */
export async function claimWaiting(mail: WaitingMail): Promise<boolean> {
  const now = clock.epochSeconds();
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keyOf(mail),
        UpdateExpression: 'SET claimedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(claimedAt) OR claimedAt < :lapsed)',
        ExpressionAttributeValues: { ':now': now, ':lapsed': now - CLAIM_SECONDS },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Gives a claim back after the send failed: the next run tries again. */
export async function unclaimWaiting(mail: WaitingMail): Promise<void> {
  await db().send(new UpdateCommand({ TableName: tableName(), Key: keyOf(mail), UpdateExpression: 'REMOVE claimedAt' }));
}

/** The mail went: it waits no more. */
export async function removeWaiting(mail: WaitingMail): Promise<void> {
  await db().send(new DeleteCommand({ TableName: tableName(), Key: keyOf(mail) }));
}
