import { clock } from '../clock.ts';
import { tableName } from '../db/client.ts';
import { keys } from '../db/keys.ts';
import { allItems } from '../db/pages.ts';
import { type TransactionStep, transact } from '../db/transact.ts';
import { Conflict } from '../errors.ts';
import { OUTBOX_TTL_SECONDS } from '../outbox/repository.ts';
import { type AggregateDelta, type AggregateItem, itemDays } from './aggregates.ts';

const ALREADY_APPLIED = 'RECEIVABLE_CHANGE_APPLIED';

/**
 * Adds one event's change to the aggregates, exactly once: the event's marker
 * is put in the same transaction as the additions, so a redelivered event (or
 * a run that died after committing) finds the marker and adds nothing.
 * Answers false when it had been applied.
 */
export async function applyAggregateDeltas(orgId: string, eventId: string, deltas: readonly AggregateDelta[]): Promise<boolean> {
  const marker: TransactionStep = {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.receivableChangeApplied(orgId, eventId), type: 'receivable-change-applied', expiresAt: clock.epochSeconds() + OUTBOX_TTL_SECONDS },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: () => new Conflict(ALREADY_APPLIED, 'This change was added to the aggregates before.'),
  };
  try {
    await transact([marker, ...deltas.map((delta) => addStep(orgId, delta))]);
    return true;
  } catch (error) {
    if (error instanceof Conflict && error.code === ALREADY_APPLIED) return false;
    throw error;
  }
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
