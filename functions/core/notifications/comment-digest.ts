import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock.ts';
import { db, tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import { isConditionFailure } from '../db/transact.ts';
import { mailDay, nextWindow } from '../email/limits.ts';
import { addToDigest } from '../email/waiting-repository.ts';
import type { OutboxEvent } from '../outbox/events.ts';
import { sendOrHold } from './deliver.ts';
import { type Mail, staffCommentDigest } from './mails.ts';

/** A document's first comment notice in this many minutes goes at once; the later ones go together in one digest when they end. */
export const COMMENT_DIGEST_MINUTES = 15;
/** Comment notices one portal person may cause per UTC day; beyond, theirs wait for a digest the next day. */
export const PORTAL_NOTICES_PER_DAY = 50;
/** Characters of a comment a digest quotes; the document holds the whole comment. */
const QUOTED = 1_000;

/**
 * Tells staff about a portal person's comment without letting a customer spend
 * the organization's mail: at once when it opens its document's window (and
 * the person is within their daily allowance), else as one more entry of the
 * digest that goes when the window closes (or the next day).
 */
export async function digestOrSend(event: OutboxEvent<'comment.created'>, mail: Mail<'staff-comment-notice'>): Promise<void> {
  const now = clock.now();
  const withinAllowance = await countPortalNotice(event.orgId, event.actor.id, now);
  const windowEnd = withinAllowance ? await openNoticeWindow(event.orgId, event.data.docId, mail.recipient, now) : nextWindow(now);
  if (!windowEnd) return sendOrHold(event, mail);
  const senderId = event.actor.type === 'staff' ? event.actor.id : undefined;
  const entry = `${event.data.author.name}: ${event.data.body.slice(0, QUOTED)}`;
  const digest = staffCommentDigest(mail);
  await addToDigest(
    { ...digest, orgId: event.orgId, senderId, notBefore: windowEnd, subject: event.data.docId, recipient: digest.recipient, digestInto: 'comments' },
    entry,
  );
}

/** Counts a notice the person caused today; false once they caused their day's allowance. */
async function countPortalNotice(orgId: string, personId: string, now: Date): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.portalNotices(orgId, personId, mailDay(now)),
        UpdateExpression: 'ADD caused :one SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ConditionExpression: 'attribute_not_exists(caused) OR caused < :limit',
        ExpressionAttributeValues: { ':one': 1, ':limit': PORTAL_NOTICES_PER_DAY, ':expiresAt': Date.parse(nextWindow(now)) / 1000 + 86_400 },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Opens the document's notice window for one recipient now (undefined: send at once) unless one is open; then when that one ends. */
async function openNoticeWindow(orgId: string, docId: string, recipient: string, now: Date): Promise<string | undefined> {
  const key = keys.noticeWindow(orgId, docId, recipient);
  const windowSeconds = COMMENT_DIGEST_MINUTES * 60;
  const at = Math.floor(now.getTime() / 1000);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET openedAt = :now, expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(openedAt) OR openedAt <= :closed',
        ExpressionAttributeValues: { ':now': at, ':closed': at - windowSeconds, ':expiresAt': at + 2 * windowSeconds },
      }),
    );
    return undefined;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return new Date(((Item?.openedAt as number) + windowSeconds) * 1000).toISOString();
}
