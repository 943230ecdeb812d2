import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { LocalPool } from './cognito-pools.ts';

export type Authorizer = (authorization: string | undefined) => Promise<Record<string, string> | undefined>;

/**
 * What the HTTP API JWT authorizer does, against cognito-local: a bearer token
 * signed by the pool's JWKS, from its issuer, for its app client (`aud` on ID
 * tokens, `client_id` on access tokens), not expired. Claims reach the handler as strings.
 */
export async function jwtAuthorizer(cognitoEndpoint: string, pool: LocalPool, issuerDomain: string): Promise<Authorizer> {
  const jwksUri = `${cognitoEndpoint}/${pool.userPoolId}/.well-known/jwks.json`;
  const verifier = JwtRsaVerifier.create({ issuer: `${issuerDomain}/${pool.userPoolId}`, audience: pool.clientId, jwksUri });
  // aws-jwt-verify only fetches https JWKS; cognito-local serves http, so the keys are handed over directly.
  verifier.cacheJwks((await (await fetch(jwksUri)).json()) as Jwks);
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      return stringClaims(await verifier.verify(token));
    } catch {
      return undefined;
    }
  };
}

function stringClaims(payload: JwtPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    claims[name] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return claims;
}
