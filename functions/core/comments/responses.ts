import * as z from 'zod/mini';
import { page, Timestamp } from '../shapes.ts';

/** A comment as both sides see it: the author's kind and name, never their id or email. */
export const Comment = /* @__PURE__ */ z.lazy(() =>
  z.object({
    id: z.string(),
    body: z.string(),
    author: z.object({ type: z.enum(['staff', 'portal']), name: z.string() }),
    createdAt: Timestamp,
  }),
);

export const CommentPage = /* @__PURE__ */ z.lazy(() => page(Comment));
