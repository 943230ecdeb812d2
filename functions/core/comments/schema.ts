import * as z from 'zod/mini';

/** The most comments one document takes: every page of them, and the whole thread, stays bounded. */
export const MAX_COMMENTS_PER_DOCUMENT = 1_000;
/** How many of the latest comments a document read brings; `commentsCursor` leads to older ones. */
export const THREAD_COMMENTS = 50;

export const CommentBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ body: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)) }));
export type CommentInput = z.infer<typeof CommentBody>;

/** A comment on a document, from staff or from a portal person of the document's contact. */
export interface Comment {
  id: string;
  docId: string;
  body: string;
  author: { type: 'staff' | 'portal'; id: string; name: string };
  /** Written while the document was a draft: an internal note, never shown in the portal, not even once the document is sent. */
  internal?: true;
  createdAt: string;
}
