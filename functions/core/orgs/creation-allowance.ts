import { dateIn } from '../calendar.ts';
import { clock } from '../clock.ts';
import { tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import { TooManyRequests } from '../errors.ts';

/**
 * Organizations one staff user may create per UTC day. Each organization has
 * its own mail allowance, so a sign-up that creates organizations by the dozen
 * would multiply what it may send; an agency setting up its clients' books
 * needs a handful.
 */
export const ORGANIZATIONS_PER_DAY = 10;

/** Counts a creation in the creation's own transaction: a refused or failed creation counts nothing. */
export function countCreationStep(staffId: string): TransactionStep {
  const now = clock.now();
  // A platform allowance: per UTC day, whatever the time zones of the organizations.
  const day = dateIn('UTC', now);
  const nextDay = Date.parse(`${day}T00:00:00Z`) / 1000 + 86_400;
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.organizationsCreated(staffId, day),
        UpdateExpression: 'ADD created :one SET #type = :type, expiresAt = :expiresAt',
        ConditionExpression: 'attribute_not_exists(created) OR created < :limit',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':limit': ORGANIZATIONS_PER_DAY, ':type': 'organizationsCreated', ':expiresAt': nextDay + 86_400 },
      },
    },
    onConditionFailed: () =>
      new TooManyRequests(
        nextDay - Math.floor(now.getTime() / 1000),
        `You created ${ORGANIZATIONS_PER_DAY} organizations today, as many as one person may per day; try again tomorrow (UTC).`,
      ),
  };
}
