import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { BadRequest, PayloadTooLarge } from '../errors.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

/** API Gateway accepts up to 10 MB; nothing in this API needs more than this. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body's bytes exactly as the client sent them (base64-decoded when API Gateway encoded it), or undefined when there is none. */
export function rawBody(event: HttpEvent): Buffer | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) throw new PayloadTooLarge(MAX_BODY_BYTES);
  return raw;
}

/** The decoded JSON body, or undefined when the request has none. */
export function jsonBody(raw: Buffer | undefined): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BadRequest('MALFORMED_JSON', 'The request body is not valid JSON.');
  }
}

export type Claims = Record<string, string | number | boolean | string[]>;

/** Claims the JWT authorizer verified; empty for public routes. */
export function claimsOf(event: HttpEvent): Claims {
  return (event.requestContext.authorizer?.jwt?.claims ?? {}) as Claims;
}
