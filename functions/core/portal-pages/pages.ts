import { randomBytes } from 'node:crypto';
import { appliedBrandColor } from '../branding/colour.ts';
import { NotFound } from '../errors.ts';
import type { Organization } from '../orgs/schema.ts';
import { logoPath } from '../orgs/view.ts';
import { resolvePortal } from '../portal-names/service.ts';
import { escapeHtml } from './escape.ts';
import { portalScript } from './script.generated.ts';
import { portalStyles } from './styles.ts';

/** The pages of a portal; the browser script decides what each shows, from the API. */
export const PORTAL_PAGES = ['sign-in', 'invitation', 'reset-password', 'documents', 'statement', 'payment-return', 'payment-cancel'] as const;
export type PortalPage = (typeof PORTAL_PAGES)[number];

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

/** A portal page shell: the organization's name and colour, and the portal script. Unknown, disabled portal or page: 404. */
export async function renderPortalPage(portalName: string, page: string, docId?: string): Promise<RenderedPage> {
  if (!(PORTAL_PAGES as readonly string[]).includes(page)) return NOT_FOUND;
  try {
    return shell(await resolvePortal(portalName), page as PortalPage, docId);
  } catch (error) {
    if (error instanceof NotFound) return NOT_FOUND;
    throw error;
  }
}

function shell(organization: Organization, page: PortalPage, docId: string | undefined): RenderedPage {
  const nonce = randomBytes(16).toString('base64');
  const brand = appliedBrandColor(organization.branding.color);
  const logoSrc = logoPath(organization.branding, organization.portalName);
  const name = escapeHtml(organization.name);
  const logo = logoSrc ? `<img class="logo" src="${escapeHtml(logoSrc)}" alt="">` : '';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${name} · Client portal</title>
<style nonce="${nonce}">:root{--brand:${escapeHtml(brand)}}${portalStyles}</style>
</head>
<body data-portal="${escapeHtml(organization.portalName ?? '')}" data-page="${page}"${docId ? ` data-doc="${escapeHtml(docId)}"` : ''}>
<header><div class="bar">${logo}<span class="org">${name}</span><nav id="nav" hidden><a href="/p/${escapeHtml(organization.portalName ?? '')}/documents" data-link>Documents</a><a href="/p/${escapeHtml(organization.portalName ?? '')}/statement" data-link>Statement</a><button id="sign-out" type="button">Sign out</button></nav></div></header>
<main id="app" aria-live="polite"><p class="muted">Loading…</p></main>
<script nonce="${nonce}">${portalScript}</script>
</body>
</html>`;
  return {
    status: 200,
    html,
    contentSecurityPolicy: `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src 'self' data: blob:; connect-src 'self'; frame-src blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  };
}
