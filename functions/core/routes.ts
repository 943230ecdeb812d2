import type { HttpOptions } from './http/handler.ts';
import { CreateOrganizationBody, OrgParams, SetPortalBody, UpdateOrganizationBody } from './orgs/schema.ts';
import { PortalNameParams, PortalParams } from './portal-names/schema.ts';
import { CreateContactBody, ListQuery, OrgContactParams, OrgPersonParams, PersonBody, UpdatePersonBody } from './contacts/schema.ts';
import {
  AcceptInvitationBody,
  ConfirmPasswordResetBody,
  EnableAccessBody,
  NewPasswordBody,
  PasswordResetBody,
  RefreshBody,
  ReinviteBody,
  SignInBody,
} from './portal-access/schema.ts';
import { CreateDocumentBody, DocumentParams, KindParams, ListDocumentsQuery, UpdateDocumentBody } from './documents/schema.ts';

/**
 * The route table: the CDK stack makes one Lambda per entry and one API route
 * per key from it; the local gateway serves it; handlers take their auth and
 * request schemas from it; the OpenAPI document is generated from it.
 */
export interface RouteSpec extends HttpOptions {
  /** Handler file under functions/, without extension; it exports `handler`. */
  entry: string;
  summary: string;
  /** What the function is bound to: environment variables and IAM grants come together from this. */
  needs: Needs;
}

export interface Needs {
  table?: 'read' | 'readwrite';
  /** Builds portal URLs. */
  web?: true;
  portalPool?: true;
  email?: true;
}

export const routes = {
  'POST /v1/orgs': {
    entry: 'orgs/create-organization',
    summary: 'Create an organization; the caller becomes its owner',
    auth: 'staff',
    body: CreateOrganizationBody,
    needs: { table: 'readwrite', web: true },
  },
  'GET /v1/orgs': {
    entry: 'orgs/list-organizations',
    summary: "List the caller's organizations",
    auth: 'staff',
    needs: { table: 'read', web: true },
  },
  'GET /v1/orgs/{orgId}': {
    entry: 'orgs/get-organization',
    summary: 'Read an organization',
    auth: 'member',
    params: OrgParams,
    needs: { table: 'read', web: true },
  },
  'PATCH /v1/orgs/{orgId}': {
    entry: 'orgs/update-organization',
    summary: "Update an organization's profile, currency, address, tax settings or branding",
    auth: 'member',
    params: OrgParams,
    body: UpdateOrganizationBody,
    needs: { table: 'readwrite', web: true },
  },
  'PUT /v1/orgs/{orgId}/portal': {
    entry: 'orgs/set-portal',
    summary: 'Claim or rename the portal name, enable or disable the portal',
    auth: 'member',
    params: OrgParams,
    body: SetPortalBody,
    needs: { table: 'readwrite', web: true },
  },
  'GET /v1/portal-names/{name}': {
    entry: 'portal-names/check-portal-name',
    summary: 'Is a portal name available?',
    auth: 'staff',
    params: PortalNameParams,
    needs: { table: 'read' },
  },
  'GET /v1/portal/{portalName}': {
    entry: 'portal/get-portal-info',
    summary: "The portal's organization name and branding, for its login page",
    auth: 'none',
    params: PortalParams,
    needs: { table: 'read', web: true },
  },
  'POST /v1/orgs/{orgId}/contacts': {
    entry: 'contacts/create-contact',
    summary: 'Create a contact with its primary person (and more persons)',
    auth: 'member',
    params: OrgParams,
    body: CreateContactBody,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/contacts': {
    entry: 'contacts/list-contacts',
    summary: "One page of the organization's contacts",
    auth: 'member',
    params: OrgParams,
    query: ListQuery,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/get-contact',
    summary: 'Read a contact with its persons',
    auth: 'member',
    params: OrgContactParams,
    needs: { table: 'read' },
  },
  'PATCH /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/update-contact',
    summary: "Change a contact's name or email (its primary person's)",
    auth: 'member',
    params: OrgContactParams,
    body: UpdatePersonBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/delete-contact',
    summary: "Delete a contact, disabling its persons' portal access",
    auth: 'member',
    params: OrgContactParams,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/orgs/{orgId}/contacts/{contactId}/persons': {
    entry: 'contacts/add-person',
    summary: 'Add a contact person',
    auth: 'member',
    params: OrgContactParams,
    body: PersonBody,
    needs: { table: 'readwrite' },
  },
  'PATCH /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': {
    entry: 'contacts/update-person',
    summary: "Change a contact person's name or email",
    auth: 'member',
    params: OrgPersonParams,
    body: UpdatePersonBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': {
    entry: 'contacts/remove-person',
    summary: 'Remove a contact person, disabling their portal access',
    auth: 'member',
    params: OrgPersonParams,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/orgs/{orgId}/contacts/{contactId}/portal-access': {
    entry: 'portal-access/enable-portal-access',
    summary: 'Enable portal access for persons of a contact, setting their password or inviting them to choose one',
    auth: 'member',
    params: OrgContactParams,
    body: EnableAccessBody,
    needs: { table: 'readwrite', portalPool: true, email: true, web: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/portal-access/{personId}': {
    entry: 'portal-access/disable-portal-access',
    summary: "Disable a contact person's portal access",
    auth: 'member',
    params: OrgPersonParams,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/orgs/{orgId}/portal-invitations': {
    entry: 'portal-access/reinvite',
    summary: 'Invite again the persons of some contacts, or everyone whose access predates the last portal rename',
    auth: 'member',
    params: OrgParams,
    body: ReinviteBody,
    needs: { table: 'readwrite', portalPool: true, email: true, web: true },
  },
  'POST /v1/portal/{portalName}/sessions': {
    entry: 'portal/sign-in',
    summary: 'Sign in with email and password: tokens, or the new-password challenge',
    auth: 'none',
    params: PortalParams,
    body: SignInBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/portal/{portalName}/sessions/new-password': {
    entry: 'portal/complete-new-password',
    summary: 'Answer the first-sign-in challenge with a new password',
    auth: 'none',
    params: PortalParams,
    body: NewPasswordBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/portal/{portalName}/sessions/refresh': {
    entry: 'portal/refresh-session',
    summary: 'New ID and access tokens for a refresh token',
    auth: 'none',
    params: PortalParams,
    body: RefreshBody,
    needs: { table: 'read', portalPool: true },
  },
  'POST /v1/portal/{portalName}/sessions/sign-out': {
    entry: 'portal/sign-out',
    summary: 'Sign out: the refresh token stops working',
    auth: 'none',
    params: PortalParams,
    body: RefreshBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'GET /v1/portal/{portalName}/me': {
    entry: 'portal/get-me',
    summary: "The signed-in person, their contact and the organization's branding",
    auth: 'portal',
    params: PortalParams,
    needs: { table: 'read', web: true },
  },
  'POST /v1/orgs/{orgId}/{kind}': {
    entry: 'documents/create-document',
    summary: 'Create a draft invoice, estimate or retainer invoice (kind: invoices | estimates | retainer-invoices); honours Idempotency-Key',
    auth: 'member',
    params: KindParams,
    body: CreateDocumentBody,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/{kind}': {
    entry: 'documents/list-documents',
    summary: 'List documents of a kind, newest number first, by status and contact',
    auth: 'member',
    params: KindParams,
    query: ListDocumentsQuery,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/{kind}/{docId}': {
    entry: 'documents/get-document',
    summary: 'Read a document with its comments and payments',
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'read' },
  },
  'PATCH /v1/orgs/{orgId}/{kind}/{docId}': {
    entry: 'documents/update-document',
    summary: 'Edit a draft',
    auth: 'member',
    params: DocumentParams,
    body: UpdateDocumentBody,
    needs: { table: 'readwrite' },
  },
  'DELETE /v1/orgs/{orgId}/{kind}/{docId}': {
    entry: 'documents/delete-document',
    summary: 'Delete the most recently numbered draft (others are voided, so the sequence stays unbroken)',
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/{kind}/{docId}/activity': {
    entry: 'documents/list-activity',
    summary: "A document's audit trail",
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'read' },
  },
  'GET /v1/openapi.json': {
    entry: 'system/get-openapi',
    summary: 'This API as an OpenAPI 3.1 document',
    auth: 'none',
    needs: {},
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof routes;
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route extends RouteSpec {
  key: RouteKey;
  method: HttpMethod;
  path: string;
}

/** The table as a list, with method and path split out of each key. */
export function routeList(): Route[] {
  return Object.entries(routes).map(([key, spec]) => {
    const [method, path] = key.split(' ') as [HttpMethod, string];
    return { ...(spec as RouteSpec), key: key as RouteKey, method, path };
  });
}

/** The entry that answers requests no route matches (404, or 405 with the allowed methods). */
export const FALLBACK_ENTRY = 'system/fallback';
