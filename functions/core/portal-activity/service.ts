import type { StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { requireContact } from '../contacts/lookup.ts';
import { activityOf } from '../documents/activity.ts';
import { listContactDocuments } from '../documents/repository.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { effectiveStatus } from '../documents/status.ts';
import { lastSignInAt } from '../portal-access/sign-in-repository.ts';
import type { ListInput } from '../shapes.ts';

/**
 * What a contact's persons did in the portal, for staff: each person's last
 * sign-in, and per sent document (a page of them, newest first) who first
 * opened it and when, and the reminders it got. Read inside the staff
 * member's organization and the contact named, nothing else.
 */
export async function contactPortalActivity(staff: StaffContext, contactId: string, page: ListInput) {
  const contact = await requireContact(staff.orgId, contactId);
  const [persons, documents] = await Promise.all([
    Promise.all(
      contact.persons.map(async (person) => ({
        personId: person.id,
        name: person.name,
        email: person.email,
        portalAccess: person.portalAccess,
        lastSignInAt: await lastSignInAt(staff.orgId, person.id),
      })),
    ),
    listContactDocuments(staff.orgId, contactId, page),
  ]);
  const on = todayIn(staff.organization);
  const items = await Promise.all(documents.items.map((document) => documentActivity(document, on)));
  return { persons, items, nextCursor: documents.nextCursor };
}

async function documentActivity(document: StoredDocument, on: string) {
  const entries = await activityOf(document.orgId, document.id, ['viewed', 'reminded']);
  const view = entries.find((entry) => entry.action === 'viewed');
  return {
    docId: document.id,
    kind: document.kind,
    number: document.number,
    status: effectiveStatus(document, on),
    sentAt: document.sentAt ?? null,
    viewedAt: document.viewedAt ?? null,
    viewedBy: view?.actor.type === 'portal' ? { personId: view.actor.id, name: view.actor.name } : null,
    reminders: entries
      .filter((entry) => entry.action === 'reminded')
      .map((entry) => ({ at: entry.at, offset: (entry.details?.offset as number | undefined) ?? null, byHand: entry.details?.manual === true })),
  };
}
