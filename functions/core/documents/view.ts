import type { Comment } from '../comments/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import type { Payment } from '../payments/schema.ts';
import type { StoredDocument } from './schema.ts';
import { effectiveStatus } from './status.ts';

/** A document as staff see it: the stored fields with the status of `on`, today in the organization's time zone. */
export function documentView(document: StoredDocument, on: string) {
  const { orgId: _orgId, sequence: _sequence, ...fields } = document;
  return { ...fields, status: effectiveStatus(document, on) };
}

/** A document as its contact's persons see it: no internal bookkeeping. */
export function portalDocumentView(document: StoredDocument, on: string) {
  const { createdBy: _createdBy, version: _version, ...fields } = documentView(document, on);
  return fields;
}

export const commentView = (comment: Comment) => ({
  id: comment.id,
  body: comment.body,
  author: { type: comment.author.type, name: comment.author.name },
  createdAt: comment.createdAt,
});

/**
 * The comments a portal person sees: none of the internal notes written on the
 * draft, and staff shown as the organization (staff have no display name, and
 * their login email is not the customer's business).
 */
export const portalCommentViews = (organization: Pick<Organization, 'name'>, comments: Comment[]) =>
  comments
    .filter((comment) => !comment.internal)
    .map((comment) => {
      const view = commentView(comment);
      return comment.author.type === 'staff' ? { ...view, author: { type: 'staff' as const, name: organization.name } } : view;
    });

export const paymentView = (payment: Payment) => {
  const { recordedBy: _recordedBy, ...fields } = payment;
  return fields;
};
