import * as z from 'zod/mini';
import { Comment } from './comments/responses.ts';
import { Contact, Person } from './contacts/responses.ts';
import { ActivityEntry, PortalDocument, StaffDocument } from './documents/responses.ts';
import { EmailTemplate, TemplateSummary } from './email-templates/responses.ts';
import { Organization } from './orgs/responses.ts';
import { PortalPayment } from './payments/responses.ts';
import { Tokens } from './portal-access/responses.ts';
import { AgingReport, Statement } from './receivables/responses.ts';
import { ErrorResponse } from './shapes.ts';

/** What API Gateway's JWT authorizer answers before any function runs; HTTP APIs cannot change it. */
const GatewayRejection = /* @__PURE__ */ z.lazy(() => z.object({ message: z.string() }));

/**
 * Shapes that several routes share, under the names clients see in the API
 * description. Staff and portal payments are one schema today, so one name.
 */
export const componentSchemas = {
  Error: ErrorResponse,
  GatewayRejection,
  Organization,
  Contact,
  Person,
  StaffDocument,
  PortalDocument,
  Comment,
  Payment: PortalPayment,
  ActivityEntry,
  EmailTemplate,
  TemplateSummary,
  Tokens,
  Statement,
  AgingReport,
};

const error = { $ref: '#/components/schemas/Error' };

/** The error statuses, each one reusable response; every body is the `Error` JSON but the authorizer's 401. */
export const errorReplies: Record<number, { name: string; description: string; schema: Record<string, unknown> }> = {
  400: {
    name: 'BadRequest',
    description: 'Malformed JSON (`MALFORMED_JSON`), input failing its schema (`VALIDATION_FAILED`, with `details`), or a cursor this list did not return',
    schema: error,
  },
  401: {
    name: 'Unauthorized',
    description: 'No valid token (API Gateway answers `{ "message": "Unauthorized" }`), revoked portal access, or wrong credentials',
    schema: { anyOf: [error, { $ref: '#/components/schemas/GatewayRejection' }] },
  },
  403: { name: 'Forbidden', description: 'The caller may not do this', schema: error },
  404: { name: 'NotFound', description: 'Unknown, or another tenant’s: the two are never told apart', schema: error },
  409: { name: 'Conflict', description: 'The current state does not allow it, or another request changed it first (`CONCURRENT_MODIFICATION`)', schema: error },
  413: { name: 'PayloadTooLarge', description: 'A body over 1 MB', schema: error },
  422: { name: 'Unprocessable', description: 'A domain rule refused it; `details.field` names the field where there is one', schema: error },
  429: { name: 'TooManyRequests', description: 'Too many attempts; wait and try again', schema: error },
};

/** The header the create, payment, refund and checkout routes honour (scripts/route-facts.ts finds them). */
export const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A key the client makes up per intended operation (1–255 printable ASCII characters, e.g. a UUID) so a retry after a timeout does not do the work twice. Creates, payments and refunds remember the answer for 24 hours and send it again with `Idempotent-Replayed: true`; the same key with a different body is `422 IDEMPOTENCY_KEY_REUSED`, and while the first request still runs `409 IDEMPOTENCY_KEY_IN_USE`. A checkout with the same key and documents hands out the same Stripe session.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
  example: '0b6f7c1e-8d6a-4a4e-9f4e-2d1c3b5a7e90',
};

/** One scheme per user pool: a token of the other pool is refused (401) by the route's authorizer. */
export const securitySchemes = {
  staffJwt: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "ID token of the staff user pool (self sign-up with a verified email), not the access token. Routes under `/v1/orgs/{orgId}` also need the caller's membership and role there; an organization that requires MFA refuses a sign-in without it (`403 MFA_REQUIRED`).",
  },
  portalJwt: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "ID token of the portal user pool, as `POST /v1/portal/{portalName}/sessions` answers it: it carries the person's organization, contact and person, and is valid only on that organization's portal.",
  },
};
