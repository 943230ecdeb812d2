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
const GatewayRejection = z.object({ message: z.string() });

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
