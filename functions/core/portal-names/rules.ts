/**
 * Portal names become part of a public URL, so they are DNS-label shaped and
 * may not impersonate the product's own hosts.
 */
export const RESERVED_PORTAL_NAMES = new Set([
  'www',
  'api',
  'admin',
  'portal',
  'app',
  'apps',
  'mail',
  'email',
  'smtp',
  'ftp',
  'static',
  'assets',
  'cdn',
  'help',
  'support',
  'status',
  'docs',
  'blog',
  'login',
  'signin',
  'signup',
  'register',
  'account',
  'accounts',
  'billing',
  'pay',
  'payments',
  'checkout',
  'invoice',
  'invoices',
  'dashboard',
  'settings',
  'root',
  'system',
  'security',
  'auth',
  'oauth',
  'sso',
  'webhook',
  'webhooks',
  'dev',
  'test',
  'staging',
  'prod',
  'portico',
]);

const PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/;

export type PortalNameProblem = 'invalid' | 'reserved';

/** Why a name can never be a portal name, or undefined when it can. */
export function portalNameProblem(name: string): PortalNameProblem | undefined {
  if (!PATTERN.test(name) || name.includes('--')) return 'invalid';
  if (RESERVED_PORTAL_NAMES.has(name)) return 'reserved';
  return undefined;
}

export const PORTAL_NAME_RULES =
  '3–63 characters: lowercase letters, digits and single hyphens, starting and ending with a letter or digit; not a reserved word.';

/** How long a renamed portal's old name stays with its organization, so nobody else can phish its customers there. */
export const RENAMED_PORTAL_HOLD_DAYS = 30;
