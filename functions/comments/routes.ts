import { Comment, CommentPage } from '../core/comments/responses.ts';
import { CommentBody } from '../core/comments/schema.ts';
import { DocumentParams } from '../core/documents/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const listCommentsRoute = {
  entry: 'comments/list-comments',
  summary: "A document's comments, a page at a time from the newest back; oldest first within a page",
  responses: { 200: CommentPage },
  auth: 'member',
  params: DocumentParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const addCommentRoute = {
  entry: 'comments/add-comment',
  summary: "Comment on a document; the contact's portal persons are emailed once it is sent",
  responses: { 201: Comment },
  auth: 'member',
  params: DocumentParams,
  body: CommentBody,
  needs: { table: 'readwrite', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

/** Comments on documents, as staff. */
export const routes = {
  'GET /v1/orgs/{orgId}/{kind}/{docId}/comments': listCommentsRoute,
  'POST /v1/orgs/{orgId}/{kind}/{docId}/comments': addCommentRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Comments';
