import type { PortalContext, StaffContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { clock } from '../clock.ts';
import { apply } from '../documents/commands.ts';
import type { DocumentKind } from '../documents/kinds.ts';
import { requireDocument } from '../documents/lookup.ts';
import { requirePortalDocument } from '../documents/portal-reads.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { commentView } from '../documents/view.ts';
import { newId } from '../ids.ts';
import { countCommentStep, putCommentStep } from './repository.ts';
import type { Comment, CommentInput } from './schema.ts';

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
