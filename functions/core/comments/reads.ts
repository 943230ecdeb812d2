import type { PortalContext, StaffContext } from '../access/context.ts';
import type { DocumentKind } from '../documents/kinds.ts';
import { requireDocument } from '../documents/lookup.ts';
import { requirePortalDocument } from '../documents/portal-reads.ts';
import { commentView, portalCommentViews } from '../documents/view.ts';
import type { ListInput } from '../shapes.ts';
import { listComments } from './repository.ts';

/** A page of comments on a document of the staff member's organization, from the newest back (repository.ts). */
export async function staffComments(staff: StaffContext, kind: DocumentKind, docId: string, page: ListInput) {
  await requireDocument(staff.orgId, kind, docId);
  const found = await listComments(staff.orgId, docId, page);
  return { items: found.items.map(commentView), nextCursor: found.nextCursor };
}

/** A page of comments on a document the portal person can see; internal notes are left out, so a page may hold fewer. */
export async function portalComments(person: PortalContext, docId: string, page: ListInput) {
  await requirePortalDocument(person, docId);
  const found = await listComments(person.orgId, docId, page);
  return { items: portalCommentViews(person.organization, found.items), nextCursor: found.nextCursor };
}
