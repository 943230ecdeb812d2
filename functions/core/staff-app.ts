import { config } from './config.ts';
import { type DocumentKind, kindPath } from './documents/kinds.ts';

/**
 * Links into the staff web app (`STAFF_APP_URL`, config.ts), where staff sign
 * in: mail to staff and the pages they land on lead there, never to the client
 * portal. Its paths mirror the API's under `/v1`.
 */
const staffApp = (path: string) => `${config('web').STAFF_APP_URL}${path}`;

/** A document as staff open it: `<staff app>/orgs/{orgId}/{kind}/{docId}`. */
export const staffDocumentUrl = (orgId: string, kind: DocumentKind, docId: string) =>
  staffApp(`/orgs/${encodeURIComponent(orgId)}/${kindPath(kind)}/${encodeURIComponent(docId)}`);

/** The organization's Stripe settings, where an owner connects Stripe or gets a fresh onboarding link. */
export const staffStripeSettingsUrl = (orgId: string) => staffApp(`/orgs/${encodeURIComponent(orgId)}/stripe`);

/** Where the staff app accepts a team invitation; it posts the token to `POST /v1/staff-invitations/accept`. */
export const staffInvitationUrl = (token: string) => staffApp(`/invitation?token=${encodeURIComponent(token)}`);
