import { clock } from '../clock.ts';
import { transact } from '../db/transact.ts';
import { NotFound, StaleWrite } from '../errors.ts';
import type { PortalCaller } from '../http/callers.ts';
import { activityStep } from './activity.ts';
import * as documents from './repository.ts';
import type { PortalActor, PortalListInput, StoredDocument } from './schema.ts';
import { effectiveStatus } from './status.ts';
import { allOf, equals, statusFilter } from './status-filter.ts';
import { assertTransition } from './transitions.ts';
import { commentView, paymentView, portalDocumentView, today } from './view.ts';

export const portalActor = (caller: PortalCaller): PortalActor => ({ type: 'portal', id: caller.personId, name: caller.person.name });

/** Can this person see the document? Only a sent document of their own contact; anything else is 404. */
function visibleTo(caller: PortalCaller, document: StoredDocument | undefined): document is StoredDocument {
  return document !== undefined && document.contactId === caller.contactId && document.status !== 'draft';
}

/** A document the caller may see (the organization comes from the token, so another tenant's is never even read). */
export async function requirePortalDocument(caller: PortalCaller, docId: string): Promise<StoredDocument> {
  const document = await documents.getDocument(caller.orgId, docId);
  if (!visibleTo(caller, document)) throw new NotFound('Document');
  return document;
}

/** The caller's contact's sent documents, newest first, by kind and status. */
export async function listPortalDocuments(caller: PortalCaller, query: PortalListInput) {
  const on = today();
  const filter = allOf([...(query.kind ? [equals('kind', query.kind)] : []), ...(query.status ? [statusFilter(query.status, on)] : [])]);
  const page = await documents.listContactDocuments(caller.orgId, caller.contactId, { limit: query.limit, cursor: query.cursor }, filter);
  return { items: page.items.map((document) => portalDocumentView(document, on)), nextCursor: page.nextCursor };
}

/** One document with its comments and payments (one Query); the first view marks it viewed, once. */
export async function readPortalDocument(caller: PortalCaller, docId: string) {
  const { document, comments, payments } = await documents.getDocumentThread(caller.orgId, docId);
  if (!visibleTo(caller, document)) throw new NotFound('Document');
  const shown = document.viewedAt === undefined ? await markViewed(caller, document) : document;
  return { ...portalDocumentView(shown), comments: comments.map(commentView), payments: payments.map(paymentView) };
}

/** Sets viewedAt (and sent → viewed) only if nobody did yet: concurrent first views record one view. */
async function markViewed(caller: PortalCaller, document: StoredDocument): Promise<StoredDocument> {
  const now = clock.iso();
  const next: StoredDocument = { ...document, status: document.status === 'sent' ? 'viewed' : document.status, viewedAt: now, version: document.version + 1, updatedAt: now };
  try {
    await transact([
      documents.replaceDocumentStep(next, document, 'attribute_not_exists(viewedAt)'),
      activityStep(caller.orgId, { docId: document.id, action: 'viewed', actor: portalActor(caller), at: now }),
    ]);
    return next;
  } catch (error) {
    if (!(error instanceof StaleWrite)) throw error;
    return (await documents.getDocument(caller.orgId, document.id)) ?? document;
  }
}

/** The contact's answer to a sent, unexpired estimate: accepted, or declined with a reason. Once. */
export async function answerEstimate(caller: PortalCaller, docId: string, answer: { action: 'accept' } | { action: 'decline'; reason: string }) {
  const current = await requirePortalDocument(caller, docId);
  assertTransition(answer.action, 'portal', current.kind, effectiveStatus(current, today()));
  const now = clock.iso();
  const next: StoredDocument =
    answer.action === 'accept'
      ? { ...current, status: 'accepted', acceptedAt: now, version: current.version + 1, updatedAt: now }
      : { ...current, status: 'declined', declinedAt: now, declineReason: answer.reason, version: current.version + 1, updatedAt: now };
  await transact([
    documents.replaceDocumentStep(next, current),
    activityStep(caller.orgId, {
      docId,
      action: answer.action === 'accept' ? 'accepted' : 'declined',
      actor: portalActor(caller),
      at: now,
      ...(answer.action === 'decline' ? { details: { reason: answer.reason } } : {}),
    }),
  ]);
  return portalDocumentView(next);
}
