import type { ActorRef } from '../access/actor.ts';
import type { StaffRole } from '../access/roles.ts';
import { tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { type Page, queryPage } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { newId } from '../ids.ts';

/** What happened to the organization itself (documents keep their own trail). */
export type OrgActivityAction = 'member.invited' | 'member.joined' | 'member.role_changed' | 'member.removed';

/** One line of the organization's trail: who did what to whom, when. */
export interface OrgActivityEntry {
  id: string;
  at: string;
  actor: ActorRef;
  action: OrgActivityAction;
  /** The member or invitee concerned. */
  subject: { staffId?: string; email?: string };
  details?: { role?: StaffRole; previousRole?: StaffRole };
}

/** Appends an entry, in the transaction of the change it records. */
export function orgActivityStep(orgId: string, entry: Omit<OrgActivityEntry, 'id'>): TransactionStep {
  const id = newId('act');
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.orgActivity(orgId, entry.at, id), type: 'orgActivity', id, ...entry },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/** One page of the organization's trail, oldest first. */
export async function listOrgActivity(orgId: string, limit: number, cursor: string | undefined): Promise<Page<OrgActivityEntry>> {
  const page = await queryPage(keys.orgActivityPrefix(orgId), limit, cursor);
  return { items: page.items.map((item) => withoutKeys<OrgActivityEntry>(item)), nextCursor: page.nextCursor };
}
