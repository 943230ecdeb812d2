import { clock } from '../clock.ts';
import { batchGet } from '../db/batch-get.ts';
import { batchWrite } from '../db/batch-write.ts';
import { tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import { allItems } from '../db/pages.ts';
import { type TransactionStep, transact } from '../db/transact.ts';
import { Conflict } from '../errors.ts';
import { OUTBOX_TTL_SECONDS } from '../outbox/repository.ts';
import { type AggregateDelta, type AggregateItem, aggregateDeltas, itemDays, type OpenShare } from './aggregates.ts';

/** A document's open amount at one of its versions: what it should now put into the aggregates. */
export interface DocumentShare {
  docId: string;
  version: number;
  open: OpenShare | null;
}

const SHARE_MOVED = 'RECEIVABLE_SHARE_MOVED';
/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;
const ATTEMPTS = 5;

/**
 * Brings documents' shares of the aggregates up to the given versions, exactly
 * once. Each document's share item remembers the version and open amount it
 * put in; a newer version takes that amount off and puts its own on, in one
 * transaction with the share items, each conditioned on the version read. An
 * older or equal version changes nothing, so a redelivered, late or
 * out-of-order event, and a rebuild running beside the consumer lane, all end
 * at each document's newest version. Answers how many shares moved.
 */
export async function applyShares(orgId: string, shares: readonly DocumentShare[]): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applySharesOnce(orgId, shares);
    } catch (error) {
      // Another writer moved one of these shares since they were read: read them again.
      if (!(error instanceof Conflict && error.code === SHARE_MOVED) || attempt >= ATTEMPTS) throw error;
    }
  }
}

async function applySharesOnce(orgId: string, shares: readonly DocumentShare[]): Promise<number> {
  const stored = await batchGet(
    shares.map((share) => keys.receivableShare(orgId, share.docId)),
    true,
  );
  const moves = shares.flatMap((share, index) => {
    const current = stored[index] && storedShare(stored[index]);
    return current && current.version >= share.version ? [] : [{ share, current }];
  });
  if (moves.length === 0) return 0;
  const deltas = aggregateDeltas(moves.map(({ share, current }) => ({ before: current?.open ?? null, after: share.open })));
  if (moves.length + deltas.length > MAX_TRANSACTION_ITEMS && moves.length > 1) {
    const half = Math.ceil(moves.length / 2);
    const parts = [moves.slice(0, half), moves.slice(half)].map((part) => part.map((move) => move.share));
    return (await applyShares(orgId, parts[0]!)) + (await applyShares(orgId, parts[1]!));
  }
  await transact([...moves.map(({ share, current }) => shareStep(orgId, share, current?.version)), ...deltas.map((delta) => addStep(orgId, delta))]);
  return moves.length;
}

function storedShare(item: Record<string, unknown>): Omit<DocumentShare, 'docId'> {
  const open =
    typeof item.balance === 'number'
      ? { contactId: item.contactId as string, currency: item.currency as string, dueDate: item.dueDate as string, balance: item.balance }
      : null;
  return { version: item.version as number, open };
}

/**
 * A document's share at its new version, written only over the version read.
 * Once nothing is open, the share stays as a marker of its version until no
 * event older than it can still arrive (the outbox's retention), then expires.
 */
function shareStep(orgId: string, share: DocumentShare, readVersion: number | undefined): TransactionStep {
  const amount = share.open ?? { expiresAt: clock.epochSeconds() + OUTBOX_TTL_SECONDS };
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.receivableShare(orgId, share.docId), type: 'receivable-share', docId: share.docId, version: share.version, ...amount },
        ConditionExpression: readVersion === undefined ? 'attribute_not_exists(PK)' : '#version = :read',
        ...(readVersion === undefined ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':read': readVersion } }),
      },
    },
    onConditionFailed: () => new Conflict(SHARE_MOVED, "Another change moved this document's share of the aggregates."),
  };
}

/** Adds a delta to one aggregate item (due days and total), creating it on first use. */
function addStep(orgId: string, delta: AggregateDelta): TransactionStep {
  const days = Object.entries(delta.days);
  const names = Object.fromEntries(days.map(([day], index) => [`#d${index}`, day]));
  const values = Object.fromEntries(days.map(([, amount], index) => [`:d${index}`, amount]));
  const contact = delta.contactId === undefined ? {} : { ':contact': delta.contactId };
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.receivablesAggregate(orgId, delta.currency, delta.month, delta.contactId),
        UpdateExpression: `SET #type = :type, currency = :currency, #month = :month${delta.contactId === undefined ? '' : ', contactId = :contact'} ADD ${[
          ...days.map((_, index) => `#d${index} :d${index}`),
          '#total :total',
        ].join(', ')}`,
        ExpressionAttributeNames: { '#type': 'type', '#month': 'month', '#total': 'total', ...names },
        ExpressionAttributeValues: {
          ':type': 'receivables-aggregate',
          ':currency': delta.currency,
          ':month': delta.month,
          ':total': delta.total,
          ...contact,
          ...values,
        },
      },
    },
  };
}

/** Every aggregate item of the organization (its own and its contacts'), the months whose days all came back to zero left out. */
export async function listAggregates(orgId: string): Promise<AggregateItem[]> {
  const range = keys.receivablesAggregatesPrefix(orgId);
  const items = await allItems({
    KeyConditionExpression: 'PK = :pk',
    FilterExpression: '#total <> :zero',
    ExpressionAttributeNames: { '#total': 'total' },
    ExpressionAttributeValues: { ':pk': range.PK, ':zero': 0 },
  });
  return items.map((item) => ({
    currency: item.currency as string,
    month: item.month as string,
    ...(typeof item.contactId === 'string' ? { contactId: item.contactId } : {}),
    days: itemDays(item),
  }));
}

/** Deletes every aggregate item and share of the organization: the start of a rebuild from its documents. */
export async function clearAggregates(orgId: string): Promise<number> {
  const partitions = [keys.receivablesAggregatesPrefix(orgId).PK, keys.receivableSharesPrefix(orgId).PK];
  const read = await Promise.all(
    partitions.map((partition) =>
      allItems({ KeyConditionExpression: 'PK = :pk', ProjectionExpression: 'PK, SK', ExpressionAttributeValues: { ':pk': partition } }),
    ),
  );
  const items = read.flat();
  await batchWrite(items.map((item) => ({ DeleteRequest: { Key: { PK: item.PK as string, SK: item.SK as string } } })));
  return items.length;
}
