import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { type Page, queryPage } from '../db/pages.ts';

/** One sign-in attempt of a portal person: no password, no token, only what the person and staff need to spot misuse. */
export interface SignInRecord {
  id: string;
  at: string;
  result: 'success' | 'failure';
  /** What was checked: the password, or a challenge's answer (a TOTP code, a new password). */
  step: 'password' | 'challenge';
  sourceIp: string;
  userAgent: string;
}

const KEEP_SECONDS = 90 * 86_400;

/** Records an attempt; it lapses after 90 days. */
export async function putSignIn(orgId: string, personId: string, record: SignInRecord): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.portalSignIn(orgId, personId, record.at, record.id),
        type: 'portalSignIn',
        ...record,
        expiresAt: Math.floor(Date.parse(record.at) / 1000) + KEEP_SECONDS,
      },
    }),
  );
}

/** A person's sign-ins, newest first. */
export async function listSignIns(orgId: string, personId: string, limit: number, cursor: string | undefined): Promise<Page<SignInRecord>> {
  const page = await queryPage(keys.portalSignInPrefix(orgId, personId), limit, cursor, 'descending');
  return { items: page.items.map((item) => withoutKeys<SignInRecord>(item)), nextCursor: page.nextCursor };
}

/** When a person last signed in successfully (within the 90 days kept): their sign-ins newest first, the first success. */
export async function lastSignInAt(orgId: string, personId: string): Promise<string | null> {
  const range = keys.portalSignInPrefix(orgId, personId);
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        FilterExpression: '#result = :success',
        ExpressionAttributeNames: { '#result': 'result' },
        ExpressionAttributeValues: { ':pk': range.PK, ':prefix': range.SKPrefix, ':success': 'success' },
        ScanIndexForward: false,
        ExclusiveStartKey,
      }),
    );
    const found = page.Items?.[0];
    if (found) return found.at as string;
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return null;
}
