import createClient from 'openapi-fetch';
import type { components, paths } from './api.generated.ts';
import { dropTokens, keepTokens, portalName, tokens } from './session.ts';

export type Schemas = components['schemas'];

/** The API, typed from the product's own OpenAPI document: a contract change breaks the build, not the page. */
export const client = createClient<paths>();
client.use({
  onRequest({ request }) {
    const idToken = tokens()?.idToken;
    if (idToken && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${idToken}`);
    return request;
  },
});

/** Path parameters every portal route takes. */
export const portal = { portalName };

/** An error answer of the API: its code, message and details decide what the page says. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly details: Record<string, unknown> | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The person's session ended (signed out elsewhere, refresh token revoked): the app shows the session-expired page. */
export class SessionEnded extends Error {}

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

let refreshing: Promise<boolean> | null = null;

async function refresh(): Promise<boolean> {
  const refreshToken = tokens()?.refreshToken;
  if (!refreshToken) return false;
  const { data } = await client.POST('/v1/portal/{portalName}/sessions/refresh', {
    params: { path: portal },
    body: { refreshToken },
  });
  if (!data) return false;
  keepTokens(data);
  return true;
}

const codeOf = (answer: Answer<unknown>) => (answer.error as { error?: { code?: string } } | undefined)?.error?.code;

/** A 401 for the token itself (the gateway's, or UNAUTHORIZED), not a refused answer such as a wrong code. */
const sessionRefused = (answer: Answer<unknown>) => answer.response.status === 401 && [undefined, 'UNAUTHORIZED'].includes(codeOf(answer));

/** A wrong authenticator code is refused as a wrong password is (nobody learns which was wrong); the page says "code". */
export async function codeAnswer<D>(run: () => Promise<Answer<D>>): Promise<D> {
  try {
    return await call(run);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS') throw new ApiError(error.status, 'INVALID_MFA_CODE', undefined, error.message);
    throw error;
  }
}

/**
 * One API call: its data, or an ApiError. A signed-in call answered 401 refreshes the tokens once and tries again;
 * when that fails too, the session has ended.
 */
export async function call<D>(run: () => Promise<Answer<D>>): Promise<D> {
  const hadSession = tokens() !== null;
  let answer = await run();
  if (sessionRefused(answer) && hadSession) {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    if (await refreshing) answer = await run();
    if (sessionRefused(answer)) {
      dropTokens();
      throw new SessionEnded();
    }
  }
  if (!answer.response.ok) {
    const body = (answer.error ?? {}) as { error?: { code?: string; message?: string; details?: Record<string, unknown> } };
    throw new ApiError(answer.response.status, body.error?.code ?? 'UNKNOWN', body.error?.details, body.error?.message ?? answer.response.statusText);
  }
  return answer.data as D;
}
