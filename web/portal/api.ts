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

/**
 * One API call: its data, or an ApiError. A signed-in call answered 401 refreshes the tokens once and tries again;
 * when that fails too, the session has ended.
 */
export async function call<D>(run: () => Promise<Answer<D>>): Promise<D> {
  const hadSession = tokens() !== null;
  let answer = await run();
  if (answer.response.status === 401 && hadSession) {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    if (await refreshing) answer = await run();
    if (answer.response.status === 401) {
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
