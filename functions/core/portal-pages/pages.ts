import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { appliedBrandColor } from '../branding/colour.ts';
import { NotFound } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';
import { resolvePortal } from '../portal-names/resolve.ts';
import { escapeHtml } from './escape.ts';
import { portalScript } from './script.generated.ts';
import { portalStyles } from './styles.ts';

/** The pages of a portal the shell is served for; the app decides what each shows, from the API. Any other name is the branded 404. */
export const PORTAL_PAGES = [
  'sign-in',
  'invitation',
  'reset-password',
  'documents',
  'statement',
  'account',
  'session-expired',
  'payment-return',
  'payment-cancel',
] as const;

export interface RenderedPage {
  status: 200 | 404;
  html: string;
  /** Only this response's nonce may run scripts or styles. */
  contentSecurityPolicy: string;
}

const NOT_FOUND: RenderedPage = {
  status: 404,
  html: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Portal not found</title></head><body><h1>Portal not found</h1><p>Check the address in your invitation email.</p></body></html>',
  contentSecurityPolicy: "default-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

/** A portal page shell: the organization's name and colour, and the app's script. Unknown or disabled portal: a plain 404; unknown page: the portal's own 404. */
export async function renderPortalPage(portalName: string, page: string): Promise<RenderedPage> {
  try {
    return shell(await resolvePortal(portalName), (PORTAL_PAGES as readonly string[]).includes(page) ? 200 : 404);
  } catch (error) {
    if (error instanceof NotFound) return NOT_FOUND;
    throw error;
  }
}

/**
 * The app's script, a file beside the code rather than in it, so no other route's cold start parses it: `assets/`
 * beside this module in the source, beside index.mjs in a bundle (lib/settings/bundling.ts ships it there).
 */
const SCRIPT_FILE = new URL('./assets/portal.generated.js', import.meta.url);
let scriptSource: string | undefined;

/** The app's script by its hashed name, read on the first request for it; an older name is gone (the shell always names the current one). */
export function portalAsset(file: string): string {
  if (file !== portalScript.file) throw new NotFound('Asset');
  scriptSource ??= readFileSync(SCRIPT_FILE, 'utf8');
  return scriptSource;
}

function shell(organization: Organization, status: 200 | 404): RenderedPage {
  const nonce = randomBytes(16).toString('base64');
  const brand = appliedBrandColor(organization.branding.color);
  const name = escapeHtml(organization.name);
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${name}</title>
<style nonce="${nonce}">:root{--brand:${escapeHtml(brand)}}${portalStyles}</style>
<script nonce="${nonce}" src="/p/assets/${portalScript.file}" integrity="${portalScript.integrity}" defer></script>
</head>
<body data-portal="${escapeHtml(organization.portalName ?? '')}" data-name="${name}">
<div id="app"><p class="loading">…</p></div>
</body>
</html>`;
  return {
    status,
    html,
    contentSecurityPolicy: `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  };
}
