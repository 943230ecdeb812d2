import type { PortalContext, StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { clock } from '../clock.ts';
import { apply } from '../documents/commands.ts';
import type { DocumentKind } from '../documents/kinds.ts';
import { requirePortalDocument } from '../documents/portal-service.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { requireDocument } from '../documents/service.ts';
import { commentView, portalCommentViews } from '../documents/view.ts';
import { newId } from '../ids.ts';
import type { ListInput } from '../shapes.ts';
import { countCommentStep, listComments, putCommentStep } from './repository.ts';
import type { Comment, CommentInput } from './schema.ts';

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

export async function addStaffComment(staff: StaffContext, kind: DocumentKind, docId: string, input: CommentInput) {
  const document = await requireDocument(staff.orgId, kind, docId);
  return addComment(document, staff, { type: 'staff', id: staff.staffId, name: staff.email ?? 'Staff' }, input);
}

export async function addPortalComment(person: PortalContext, docId: string, input: CommentInput) {
  const document = await requirePortalDocument(person, docId);
  return addComment(document, person, { type: 'portal', id: person.personId, name: person.name }, input);
}

/** Stores the comment through the document's writer: its activity entry and the event that tells the other side. */
async function addComment(document: StoredDocument, actor: StaffContext | PortalContext, author: Comment['author'], input: CommentInput) {
  const internal = document.status === 'draft' ? { internal: true as const } : {};
  const comment: Comment = { id: newId('cmt'), docId: document.id, body: input.body, author, ...internal, createdAt: clock.iso() };
  await apply(document, 'comment', actor, {
    on: todayIn(actor.organization),
    details: { commentId: comment.id },
    steps: [putCommentStep(document.orgId, comment), countCommentStep(document.orgId, document.id)],
    event: { docId: document.id, commentId: comment.id, author: { type: author.type, name: author.name }, body: comment.body },
  });
  return commentView(comment);
}
