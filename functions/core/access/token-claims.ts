import { Unauthorized } from '../errors.ts';

const JWT = /^[\w-]+\.([\w-]+)\.[\w-]+$/;

/**
 * The claims of a token a client sent in a body (the access token of the MFA
 * calls), unverified: the caller compares them with the identity the
 * authorizer verified, and Cognito verifies the token itself. The one parser
 * for such tokens: anything that is not a JWT whose payload is a JSON object
 * is a 401, never an exception.
 */
export function claimsOfSentToken(token: string, message: string): Record<string, unknown> {
  const payload = JWT.exec(token)?.[1];
  let claims: unknown;
  try {
    claims = payload === undefined ? undefined : JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    claims = undefined;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Unauthorized(message, 'INVALID_ACCESS_TOKEN');
  return claims as Record<string, unknown>;
}
