import { as } from './api.ts';

export const TEMPORARY_PASSWORD = 'Temporary-Pass-1!';
export const CHOSEN_PASSWORD = 'Chosen-Password-2#';

/** A contact person's side of one portal: sign in, answer the challenge, call portal routes. */
export function portal(portalName: string) {
  const base = `/v1/portal/${portalName}`;
  const anonymous = as();
  return {
    signIn: (email: string, password: string) => anonymous.post(`${base}/sessions`, { email, password }),
    newPassword: (email: string, session: string, newPassword: string) => anonymous.post(`${base}/sessions/new-password`, { email, session, newPassword }),
    refresh: (refreshToken: string) => anonymous.post(`${base}/sessions/refresh`, { refreshToken }),
    signOut: (refreshToken: string) => anonymous.post(`${base}/sessions/sign-out`, { refreshToken }),
    accept: (token: string, password: string) => anonymous.post(`${base}/invitations/accept`, { token, password }),
    requestReset: (email: string) => anonymous.post(`${base}/password-reset`, { email }),
    confirmReset: (email: string, code: string, newPassword: string) => anonymous.post(`${base}/password-reset/confirm`, { email, code, newPassword }),
    me: (idToken: string) => as(idToken).get(`${base}/me`),
  };
}

/** Signs in with a password that is already the person's own: the tokens. */
export async function signedIn(portalName: string, email: string, password: string) {
  const response = await portal(portalName).signIn(email, password);
  if (response.status !== 200 || !response.body.idToken) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { idToken: string; accessToken: string; refreshToken: string };
}
