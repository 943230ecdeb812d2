import { clock } from '../clock.ts';
import { requireContact } from '../contacts/service.ts';
import { transact } from '../db/transact.ts';
import { activityStep } from '../documents/activity.ts';
import { kindFromPath } from '../documents/kinds.ts';
import { notifyComment } from '../documents/notifications.ts';
import { portalActor, requirePortalDocument } from '../documents/portal-service.ts';
import type { Actor, StoredDocument } from '../documents/schema.ts';
import { requireDocument, staffActor } from '../documents/service.ts';
import { commentView } from '../documents/view.ts';
import type { MemberCaller, PortalCaller } from '../http/callers.ts';
import { newId } from '../ids.ts';
import { requireOrganization } from '../orgs/service.ts';
import { listComments, putCommentStep } from './repository.ts';
import type { Comment, CommentInput } from './schema.ts';

/** Comments on a document of the caller's organization, oldest first. */
export async function staffComments(caller: MemberCaller, kindPath: string, docId: string) {
  await requireDocument(caller.orgId, kindFromPath(kindPath), docId);
  return { items: (await listComments(caller.orgId, docId)).map(commentView), nextCursor: null };
}

/** Comments on a document the portal person can see. */
export async function portalComments(caller: PortalCaller, docId: string) {
  await requirePortalDocument(caller, docId);
  return { items: (await listComments(caller.orgId, docId)).map(commentView), nextCursor: null };
}

export async function addStaffComment(caller: MemberCaller, kindPath: string, docId: string, input: CommentInput) {
  const document = await requireDocument(caller.orgId, kindFromPath(kindPath), docId);
  const actor = staffActor(caller);
  return addComment(document, actor, caller.email ?? 'Staff', input);
}

export async function addPortalComment(caller: PortalCaller, docId: string, input: CommentInput) {
  const document = await requirePortalDocument(caller, docId);
  return addComment(document, portalActor(caller), caller.person.name, input);
}

/** Stores the comment with its activity entry, then tells the other side by email. */
async function addComment(document: StoredDocument, actor: Actor, authorName: string, input: CommentInput) {
  const comment: Comment = { id: newId('cmt'), docId: document.id, body: input.body, author: { type: actor.type, id: actor.id, name: authorName }, createdAt: clock.iso() };
  await transact([
    putCommentStep(document.orgId, comment),
    activityStep(document.orgId, { docId: document.id, action: 'commented', actor, at: comment.createdAt, details: { commentId: comment.id } }),
  ]);
  const [organization, contact] = await Promise.all([requireOrganization(document.orgId), requireContact(document.orgId, document.contactId)]);
  await notifyComment(organization, contact, document, comment);
  return commentView(comment);
}
