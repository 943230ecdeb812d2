import type { ActorRef } from '../access/actor.ts';
import { tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { type Page, queryPage } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { newId } from '../ids.ts';
import type { ListInput } from '../shapes.ts';

export type ActivityAction =
  | 'created'
  | 'edited'
  | 'sent'
  | 'viewed'
  | 'accepted'
  | 'declined'
  | 'commented'
  | 'paid'
  | 'credit_applied'
  | 'voided'
  | 'converted'
  | 'deleted'
  | 'payment_credited'
  | 'refunded'
  | 'disputed'
  | 'dispute_closed'
  | 'reversed'
  | 'refund_requested'
  | 'issued'
  | 'credited'
  | 'gst_einvoice_recorded';

/** One line of a document's audit trail: who did what, when, and what changed. */
export interface ActivityEntry {
  id: string;
  docId: string;
  action: ActivityAction;
  actor: ActorRef;
  at: string;
  details?: Record<string, unknown>;
}

/** Appends an entry, in the transaction of the change it records. */
export function activityStep(orgId: string, entry: Omit<ActivityEntry, 'id'>): TransactionStep {
  const id = newId('act');
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.activity(orgId, entry.docId, entry.at, id), type: 'activity', id, ...entry },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/** A page of a document's audit trail, oldest first (its collection's ACTIVITY# items). */
export async function listActivity(orgId: string, docId: string, page: ListInput): Promise<Page<ActivityEntry>> {
  const found = await queryPage(keys.documentCollection(orgId, docId, 'activity'), page.limit, page.cursor);
  return { items: found.items.map((item) => withoutKeys<ActivityEntry>(item)), nextCursor: found.nextCursor };
}
