/** The portal this page belongs to, and the signed-in person's tokens (kept for the browser tab only). */
export const portalName = document.body.dataset.portal ?? '';
export const organizationName = document.body.dataset.name ?? '';
export const base = `/p/${portalName}`;

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
}

const tokenKey = `portico:${portalName}`;
const returnKey = `portico:${portalName}:return`;

export function tokens(): Tokens | null {
  const stored = sessionStorage.getItem(tokenKey);
  return stored ? (JSON.parse(stored) as Tokens) : null;
}

export function keepTokens(value: Tokens): void {
  sessionStorage.setItem(tokenKey, JSON.stringify({ ...tokens(), ...value }));
}

export const dropTokens = () => sessionStorage.removeItem(tokenKey);
export const signedIn = () => tokens() !== null;

/** Where a signed-out visitor was going (an email link): back there after signing in. */
export const rememberReturn = (path: string) => sessionStorage.setItem(returnKey, path);
export function takeReturn(): string | null {
  const path = sessionStorage.getItem(returnKey);
  sessionStorage.removeItem(returnKey);
  return path?.startsWith(`${base}/`) ? path : null;
}
