import type * as z from 'zod/mini';
import type { StaffRole } from './access/roles.ts';

/** A zod/mini schema of one part of a request. */
export type Schema = z.ZodMiniType;

/**
 * How a route authenticates: `none` (public), `staff` (any staff user),
 * `member` (a staff member of the `{orgId}` in the path), `portal` (a portal person).
 */
export type Auth = 'none' | 'staff' | 'member' | 'portal';

/** A body that is not JSON (a PDF, an HTML page), declared by its content type and sent as the handler made it. */
export interface RawReply {
  raw: 'application/pdf' | 'text/html';
}

export const pdfReply: RawReply = { raw: 'application/pdf' };
export const htmlReply: RawReply = { raw: 'text/html' };

/** What a route answers with one status: JSON through its schema, a raw body, or no body (`null`). */
export type Reply = Schema | RawReply | null;

/** Status → reply: the only answers a route's function may give besides errors. */
export type Replies = Readonly<Record<number, Reply>>;

/** What the HTTP wrapper needs of a route: who may call it, the schemas of its request, and what it answers. */
export interface HttpOptions {
  auth: Auth;
  /** For `member` routes: the roles allowed; without it reads allow every role and writes owner, admin and billing (access/roles.ts). */
  roles?: readonly StaffRole[];
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** What the function answers, by status; nothing else leaves (see http/replies.ts). */
  responses?: Replies;
}
