import type { PortalContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { NotFound, StaleWrite } from '../errors.ts';
import { apply } from './commands.ts';
import { requirePortalDocument, visibleTo } from './portal-reads.ts';
import * as documents from './repository.ts';
import type { StoredDocument } from './schema.ts';
import { paymentView, portalCommentViews, portalDocumentView } from './view.ts';

/** One document with its comments and payments (one Query); the first view marks it viewed, once. */
export async function readPortalDocument(person: PortalContext, docId: string) {
  const { document, comments, commentsCursor, payments } = await documents.getDocumentThread(person.orgId, docId);
  if (!visibleTo(person, document)) throw new NotFound('Document');
  const on = todayIn(person.organization);
  const shown = document.viewedAt === undefined ? await markViewed(person, document, on) : document;
  return { ...portalDocumentView(shown, on), comments: portalCommentViews(person.organization, comments), commentsCursor, payments: payments.map(paymentView) };
}

/** Records the first view only if nobody did yet: concurrent first views record one view. */
async function markViewed(person: PortalContext, document: StoredDocument, on: string): Promise<StoredDocument> {
  try {
    return await apply(document, 'view', person, { on });
  } catch (error) {
    if (!(error instanceof StaleWrite)) throw error;
    return (await documents.getDocument(person.orgId, document.id)) ?? document;
  }
}

/** The contact's answer to a sent, unexpired estimate: accepted, or declined with a reason. Once. */
export async function answerEstimate(person: PortalContext, docId: string, answer: { action: 'accept' } | { action: 'decline'; reason: string }) {
  const current = await requirePortalDocument(person, docId);
  const on = todayIn(person.organization);
  const next =
    answer.action === 'accept'
      ? await apply(current, 'accept', person, { on })
      : await apply(current, 'decline', person, { on, fields: { declineReason: answer.reason }, details: { reason: answer.reason } });
  return portalDocumentView(next, on);
}
