import type * as z from 'zod/mini';
import type { StaffRole } from './access/roles.ts';
import type { Needs } from './needs.ts';

/** A zod/mini schema of one part of a request. */
export type Schema = z.ZodMiniType;

/**
 * How a route authenticates: `none` (public), `staff` (any staff user),
 * `member` (a staff member of the `{orgId}` in the path), `portal` (a portal person).
 */
export type Auth = 'none' | 'staff' | 'member' | 'portal';

/** The content types (or a range, `image/*`) of bodies that are not JSON. */
export type RawType =
  | 'application/pdf'
  | 'application/zip'
  | 'text/html'
  | 'text/csv'
  | 'text/javascript'
  | 'image/*'
  | 'application/x-ndjson'
  | 'application/xml';

/**
 * A body that is not JSON (a PDF, a zip, an HTML page, a page's script, an image, JSON lines, an XML e-invoice),
 * declared by its content type (or range) and sent as the handler made it; a route whose one status answers in one of
 * several types (an e-invoice as XML or PDF) lists them.
 */
export interface RawReply {
  raw: RawType | readonly RawType[];
}

export const pdfReply: RawReply = { raw: 'application/pdf' };
export const htmlReply: RawReply = { raw: 'text/html' };
export const zipReply: RawReply = { raw: 'application/zip' };
export const imageReply: RawReply = { raw: 'image/*' };
export const jsonLinesReply: RawReply = { raw: 'application/x-ndjson' };
export const scriptReply: RawReply = { raw: 'text/javascript' };

/** The content types a raw reply may have. */
export const rawContentTypes = (reply: RawReply): readonly RawType[] => (typeof reply.raw === 'string' ? [reply.raw] : reply.raw);

/**
 * JSON through its schema, or a raw body of one of `alternatives` when the
 * request's `Accept` asks for it: one resource, several representations (a
 * statement as a PDF, a report as CSV).
 */
export interface NegotiatedReply {
  json: Schema;
  alternatives: readonly RawType[];
}

/** What a route answers with one status: JSON through its schema, a raw body, either as asked, or no body (`null`). */
export type Reply = Schema | RawReply | NegotiatedReply | null;

export const isRawReply = (reply: Reply): reply is RawReply => reply !== null && 'raw' in reply;
export const isNegotiatedReply = (reply: Reply): reply is NegotiatedReply => reply !== null && 'alternatives' in reply;
/** The JSON schema a reply answers with, if any. */
export const jsonSchemaOf = (reply: Reply): Schema | undefined =>
  reply === null || isRawReply(reply) ? undefined : isNegotiatedReply(reply) ? reply.json : reply;

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

export type ErrorStatus = 401 | 403 | 404 | 409 | 422 | 429;

/**
 * One route, declared by its area beside its handlers (functions/<area>/routes.ts):
 * the CDK stack makes one API route per key and one Lambda per set of needs (and
 * weight); the local gateway serves it; the handler takes its auth, request schemas
 * and replies from it; the OpenAPI document is generated from it.
 */
export interface RouteSpec extends HttpOptions {
  /** Handler file under functions/, without extension; it exports `handler`. */
  entry: string;
  summary: string;
  /** Every answer but errors, by status: a JSON schema (only its fields leave), a raw content type, or null for no body. */
  responses: Replies;
  /** Error statuses this route answers beyond those its shape implies (see route-errors.ts). */
  errors?: readonly ErrorStatus[];
  /** What the function is bound to: environment variables and IAM grants come together from this. */
  needs: Needs;
  /**
   * A heavy library the handler loads, by what it renders: `pdf` (pdfkit, and qrcode for India's e-invoice QR), `qrCode`
   * (qrcode, enrolling an authenticator), `mail` (the HTML sanitizer, saving or previewing
   * a template without sending), `eInvoice` (@e-invoice-eu/core and pdfkit, an EN 16931 e-invoice).
   * Its routes get a function of their own, so it weighs on
   * no other cold start; test/unit/bundle-libraries.test.ts fails when a library reaches
   * a function none of whose routes declares it.
   */
  renders?: 'pdf' | 'qrCode' | 'mail' | 'eInvoice';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What the API description says of one route beyond its spec: a description
 * (the summary says what, this says how: defaults, units, what to expect) and
 * an example body that passes the route's body schema.
 */
export interface RouteDocs<B = unknown> {
  description?: string;
  example?: B;
}

/**
 * An area's part of the API description (`functions/<area>/api-docs.ts`): its
 * tag's description and its routes' docs, typed by each route's body. Kept out
 * of `routes.ts`, so none of it reaches a handler's bundle.
 */
export interface AreaDocs<R extends Record<string, RouteSpec>> {
  tag: string;
  operations: { [K in keyof R]?: RouteDocs<R[K] extends { body: infer B extends Schema } ? z.input<B> : never> };
}

/** A route as the merged table lists it: its spec with method and path split out of its key, its area and its docs. */
export interface Route extends RouteSpec, RouteDocs {
  key: string;
  method: HttpMethod;
  path: string;
  /** The area that declares it: its tag in the OpenAPI document, its section in the docs. */
  area: string;
}
