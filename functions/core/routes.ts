import type { Needs } from './needs.ts';
import { htmlReply, pdfReply, type HttpOptions, type Replies } from './route-spec.ts';
import { ApiDescription } from './shapes.ts';
import { CreateOrganizationBody, OrgParams, SetPortalBody, UpdateOrganizationBody } from './orgs/schema.ts';
import { PortalNameParams, PortalPageParams, PortalParams } from './portal-names/schema.ts';
import { PreviewBody, TemplateBody, TemplateParams } from './email-templates/schema.ts';
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
import {
  CreateDocumentBody,
  DeclineBody,
  DocumentParams,
  KindParams,
  ListDocumentsQuery,
  OrgDocumentParams,
  PortalDocumentParams,
  PortalListQuery,
  UpdateDocumentBody,
} from './documents/schema.ts';
import { CommentBody } from './comments/schema.ts';
import { CreditBody, PaymentBody } from './payments/schema.ts';
import { AgingQuery, StatementQuery } from './receivables/schema.ts';
import { Organization, OrganizationPage, PortalSettings } from './orgs/responses.ts';
import { PortalInfo, PortalNameCheck } from './portal-names/responses.ts';
import { Contact, ContactPage, Person } from './contacts/responses.ts';
import { AccessGranted, PasswordChanged, PortalMe, Reinvited, ResetRequested, SignInResult, Tokens } from './portal-access/responses.ts';
import { EmailTemplate, TemplatePreview, TemplateSummaryPage } from './email-templates/responses.ts';
import {
  ActivityPage,
  CreditApplied,
  PortalDocument,
  PortalDocumentPage,
  PortalDocumentThread,
  StaffDocument,
  StaffDocumentPage,
  StaffDocumentThread,
} from './documents/responses.ts';
import { Comment, CommentPage } from './comments/responses.ts';
import { ContactCreditPage, StaffPayment } from './payments/responses.ts';
import { AgingReport, Statement } from './receivables/responses.ts';

/**
 * The route table: the CDK stack makes one Lambda per set of needs (and weight)
 * and one API route per key from it; the local gateway serves it; handlers take
 * their auth, request schemas and replies from it; the OpenAPI document is
 * generated from it.
 */
export interface RouteSpec extends HttpOptions {
  /** Handler file under functions/, without extension; it exports `handler`. */
  entry: string;
  summary: string;
  /** Every answer but errors, by status: a JSON schema (only its fields leave), a raw content type, or null for no body. */
  responses: Replies;
  /** Error statuses this route answers beyond those its shape implies (see route-errors.ts). */
  errors?: readonly ErrorStatus[];
  /** What the function is bound to: environment variables and IAM grants come together from this. */
  needs: Needs;
  /** A heavy library the handler loads: its routes get a function of their own, so it weighs on no other cold start. */
  renders?: 'pdf';
}

export type ErrorStatus = 401 | 403 | 404 | 409 | 422 | 429;

export type { Needs };

export const routes = {
  'POST /v1/orgs': {
    entry: 'orgs/create-organization',
    summary: 'Create an organization; the caller becomes its owner',
    responses: { 201: Organization },
    errors: [409, 422],
    auth: 'staff',
    body: CreateOrganizationBody,
    needs: { table: 'readwrite', web: true },
  },
  'GET /v1/orgs': {
    entry: 'orgs/list-organizations',
    summary: "List the caller's organizations",
    responses: { 200: OrganizationPage },
    auth: 'staff',
    needs: { table: 'read', web: true },
  },
  'GET /v1/orgs/{orgId}': {
    entry: 'orgs/get-organization',
    summary: 'Read an organization',
    responses: { 200: Organization },
    auth: 'member',
    params: OrgParams,
    needs: { table: 'read', web: true },
  },
  'PATCH /v1/orgs/{orgId}': {
    entry: 'orgs/update-organization',
    summary: "Update an organization's profile, currency, address, tax settings or branding",
    responses: { 200: Organization },
    errors: [409, 422],
    auth: 'member',
    params: OrgParams,
    body: UpdateOrganizationBody,
    needs: { table: 'readwrite', web: true },
  },
  'PUT /v1/orgs/{orgId}/portal': {
    entry: 'orgs/set-portal',
    summary: 'Claim or rename the portal name, enable or disable the portal',
    responses: { 200: PortalSettings },
    errors: [409, 422],
    auth: 'member',
    params: OrgParams,
    body: SetPortalBody,
    needs: { table: 'readwrite', web: true },
  },
  'GET /v1/portal-names/{name}': {
    entry: 'portal-names/check-portal-name',
    summary: 'Is a portal name available?',
    responses: { 200: PortalNameCheck },
    auth: 'staff',
    params: PortalNameParams,
    needs: { table: 'read' },
  },
  'GET /v1/portal/{portalName}': {
    entry: 'portal/get-portal-info',
    summary: "The portal's organization name and branding, for its login page",
    responses: { 200: PortalInfo },
    auth: 'none',
    params: PortalParams,
    needs: { table: 'read', web: true },
  },
  'POST /v1/orgs/{orgId}/contacts': {
    entry: 'contacts/create-contact',
    summary: 'Create a contact with its primary person (and more persons)',
    responses: { 201: Contact },
    auth: 'member',
    params: OrgParams,
    body: CreateContactBody,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/contacts': {
    entry: 'contacts/list-contacts',
    summary: "One page of the organization's contacts",
    responses: { 200: ContactPage },
    auth: 'member',
    params: OrgParams,
    query: ListQuery,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/get-contact',
    summary: 'Read a contact with its persons',
    responses: { 200: Contact },
    auth: 'member',
    params: OrgContactParams,
    needs: { table: 'read' },
  },
  'PATCH /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/update-contact',
    summary: "Change a contact's name or email (its primary person's); a new email of a person with access is invited afresh",
    responses: { 200: Contact },
    errors: [409, 429],
    auth: 'member',
    params: OrgContactParams,
    body: UpdatePersonBody,
    needs: { table: 'readwrite', portalPool: true, email: true, web: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/delete-contact',
    summary: "Delete a contact, disabling its persons' portal access",
    responses: { 204: null },
    errors: [409],
    auth: 'member',
    params: OrgContactParams,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/orgs/{orgId}/contacts/{contactId}/persons': {
    entry: 'contacts/add-person',
    summary: 'Add a contact person',
    responses: { 201: Person },
    errors: [409, 422],
    auth: 'member',
    params: OrgContactParams,
    body: PersonBody,
    needs: { table: 'readwrite' },
  },
  'PATCH /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': {
    entry: 'contacts/update-person',
    summary: "Change a contact person's name or email; a new email of a person with access is invited afresh",
    responses: { 200: Person },
    errors: [409, 429],
    auth: 'member',
    params: OrgPersonParams,
    body: UpdatePersonBody,
    needs: { table: 'readwrite', portalPool: true, email: true, web: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': {
    entry: 'contacts/remove-person',
    summary: 'Remove a contact person, disabling their portal access',
    responses: { 204: null },
    errors: [409, 422],
    auth: 'member',
    params: OrgPersonParams,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/orgs/{orgId}/contacts/{contactId}/portal-access': {
    entry: 'portal-access/enable-portal-access',
    summary: 'Enable portal access for persons of a contact, setting their password or inviting them to choose one',
    responses: { 200: AccessGranted },
    errors: [409, 422, 429],
    auth: 'member',
    params: OrgContactParams,
    body: EnableAccessBody,
    needs: { table: 'readwrite', portalPool: true, email: true, web: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/portal-access/{personId}': {
    entry: 'portal-access/disable-portal-access',
    summary: "Disable a contact person's portal access",
    responses: { 204: null },
    errors: [409],
    auth: 'member',
    params: OrgPersonParams,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/orgs/{orgId}/portal-invitations': {
    entry: 'portal-access/reinvite',
    summary: 'Invite again the persons of some contacts, or everyone whose access predates the last portal rename',
    responses: { 200: Reinvited },
    errors: [409, 422],
    auth: 'member',
    params: OrgParams,
    body: ReinviteBody,
    needs: { table: 'readwrite', portalPool: true, email: true, web: true },
  },
  'GET /v1/orgs/{orgId}/email-templates': {
    entry: 'email-templates/list-email-templates',
    summary: 'The email templates, each with its placeholders and whether the organization customized it',
    responses: { 200: TemplateSummaryPage },
    auth: 'member',
    params: OrgParams,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/email-templates/{key}': {
    entry: 'email-templates/get-email-template',
    summary: "The template the organization's emails use: its override or the default",
    responses: { 200: EmailTemplate },
    auth: 'member',
    params: TemplateParams,
    needs: { table: 'read' },
  },
  'PUT /v1/orgs/{orgId}/email-templates/{key}': {
    entry: 'email-templates/save-email-template',
    summary: "Customize a template's subject, HTML and text; unknown placeholders are refused",
    responses: { 200: EmailTemplate },
    errors: [422],
    auth: 'member',
    params: TemplateParams,
    body: TemplateBody,
    needs: { table: 'readwrite' },
  },
  'DELETE /v1/orgs/{orgId}/email-templates/{key}': {
    entry: 'email-templates/reset-email-template',
    summary: 'Drop the customization: the default applies again',
    responses: { 204: null },
    auth: 'member',
    params: TemplateParams,
    needs: { table: 'readwrite' },
  },
  'POST /v1/orgs/{orgId}/email-templates/{key}/preview': {
    entry: 'email-templates/preview-email-template',
    summary: 'Render a template (or a draft of it) with sample or given values',
    responses: { 200: TemplatePreview },
    errors: [422],
    auth: 'member',
    params: TemplateParams,
    body: PreviewBody,
    needs: { table: 'read' },
  },
  'POST /v1/portal/{portalName}/sessions': {
    entry: 'portal/sign-in',
    summary: 'Sign in with email and password: tokens, or the new-password challenge',
    responses: { 200: SignInResult },
    errors: [401, 429],
    auth: 'none',
    params: PortalParams,
    body: SignInBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/portal/{portalName}/sessions/new-password': {
    entry: 'portal/complete-new-password',
    summary: 'Answer the first-sign-in challenge with a new password',
    responses: { 200: Tokens },
    errors: [401, 422, 429],
    auth: 'none',
    params: PortalParams,
    body: NewPasswordBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/portal/{portalName}/sessions/refresh': {
    entry: 'portal/refresh-session',
    summary: 'New ID and access tokens for a refresh token',
    responses: { 200: Tokens },
    errors: [401, 429],
    auth: 'none',
    params: PortalParams,
    body: RefreshBody,
    needs: { table: 'read', portalPool: true },
  },
  'POST /v1/portal/{portalName}/sessions/sign-out': {
    entry: 'portal/sign-out',
    summary: 'Sign out: the refresh token stops working',
    responses: { 204: null },
    auth: 'none',
    params: PortalParams,
    body: RefreshBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/portal/{portalName}/invitations/accept': {
    entry: 'portal/accept-invitation',
    summary: "Choose a password with an invitation link's one-time token, and sign in",
    responses: { 200: Tokens },
    errors: [409, 422, 429],
    auth: 'none',
    params: PortalParams,
    body: AcceptInvitationBody,
    needs: { table: 'readwrite', portalPool: true },
  },
  'POST /v1/portal/{portalName}/password-reset': {
    entry: 'portal/request-password-reset',
    summary: 'Email a password-reset code (always 202, whoever the email belongs to)',
    responses: { 202: ResetRequested },
    auth: 'none',
    params: PortalParams,
    body: PasswordResetBody,
    needs: { table: 'read', portalPool: true },
  },
  'POST /v1/portal/{portalName}/password-reset/confirm': {
    entry: 'portal/confirm-password-reset',
    summary: 'Set a new password with the emailed code',
    responses: { 200: PasswordChanged },
    errors: [401, 422, 429],
    auth: 'none',
    params: PortalParams,
    body: ConfirmPasswordResetBody,
    needs: { table: 'read', portalPool: true, email: true, web: true },
  },
  'GET /v1/portal/{portalName}/me': {
    entry: 'portal/get-me',
    summary: "The signed-in person, their contact and the organization's branding",
    responses: { 200: PortalMe },
    auth: 'portal',
    params: PortalParams,
    needs: { table: 'read', web: true },
  },
  'GET /p/{portalName}': {
    entry: 'portal/render-page',
    summary: "The portal's sign-in page",
    responses: { 200: htmlReply, 404: htmlReply },
    auth: 'none',
    params: PortalPageParams,
    needs: { table: 'read' },
  },
  'GET /p/{portalName}/{page}': {
    entry: 'portal/render-page',
    summary: 'A portal page: invitation, reset-password, documents, statement',
    responses: { 200: htmlReply, 404: htmlReply },
    auth: 'none',
    params: PortalPageParams,
    needs: { table: 'read' },
  },
  'GET /p/{portalName}/documents/{docId}': {
    entry: 'portal/render-page',
    summary: 'The portal page of one document (the link in document emails)',
    responses: { 200: htmlReply, 404: htmlReply },
    auth: 'none',
    params: PortalPageParams,
    needs: { table: 'read' },
  },
  'POST /v1/orgs/{orgId}/{kind}': {
    entry: 'documents/create-document',
    summary: 'Create a draft invoice, estimate or retainer invoice (kind: invoices | estimates | retainer-invoices); honours Idempotency-Key',
    responses: { 201: StaffDocument },
    errors: [409, 422],
    auth: 'member',
    params: KindParams,
    body: CreateDocumentBody,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/{kind}': {
    entry: 'documents/list-documents',
    summary: 'List documents of a kind, newest number first, by status and contact',
    responses: { 200: StaffDocumentPage },
    auth: 'member',
    params: KindParams,
    query: ListDocumentsQuery,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/{kind}/{docId}': {
    entry: 'documents/get-document',
    summary: 'Read a document with its comments and payments',
    responses: { 200: StaffDocumentThread },
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'read' },
  },
  'PATCH /v1/orgs/{orgId}/{kind}/{docId}': {
    entry: 'documents/update-document',
    summary: 'Edit a draft',
    responses: { 200: StaffDocument },
    errors: [409, 422],
    auth: 'member',
    params: DocumentParams,
    body: UpdateDocumentBody,
    needs: { table: 'readwrite' },
  },
  'DELETE /v1/orgs/{orgId}/{kind}/{docId}': {
    entry: 'documents/delete-document',
    summary: 'Delete the most recently numbered draft (others are voided, so the sequence stays unbroken)',
    responses: { 204: null },
    errors: [409],
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/{kind}/{docId}/activity': {
    entry: 'documents/list-activity',
    summary: "A document's audit trail",
    responses: { 200: ActivityPage },
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'read' },
  },
  'POST /v1/orgs/{orgId}/{kind}/{docId}/send': {
    entry: 'documents/send-document',
    summary: "Send a draft: it appears in the portal and the contact's persons with portal access are emailed",
    responses: { 200: StaffDocument },
    errors: [409],
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'readwrite', email: true, web: true },
  },
  'POST /v1/orgs/{orgId}/{kind}/{docId}/void': {
    entry: 'documents/void-document',
    summary: 'Void a document without payments; it keeps its number',
    responses: { 200: StaffDocument },
    errors: [409],
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/{kind}/{docId}/pdf': {
    entry: 'documents/get-document-pdf',
    summary: 'The document as a PDF',
    responses: { 200: pdfReply },
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'read' },
    renders: 'pdf',
  },
  'GET /v1/orgs/{orgId}/{kind}/{docId}/comments': {
    entry: 'comments/list-comments',
    summary: "A document's comments, oldest first",
    responses: { 200: CommentPage },
    auth: 'member',
    params: DocumentParams,
    needs: { table: 'read' },
  },
  'POST /v1/orgs/{orgId}/{kind}/{docId}/comments': {
    entry: 'comments/add-comment',
    summary: "Comment on a document; the contact's portal persons are emailed once it is sent",
    responses: { 201: Comment },
    auth: 'member',
    params: DocumentParams,
    body: CommentBody,
    needs: { table: 'readwrite', email: true, web: true },
  },
  'POST /v1/orgs/{orgId}/{kind}/{docId}/payments': {
    entry: 'payments/record-payment',
    summary: 'Record an offline payment on an invoice or retainer invoice and email a receipt; honours Idempotency-Key',
    responses: { 201: StaffPayment },
    errors: [409, 422],
    auth: 'member',
    params: DocumentParams,
    body: PaymentBody,
    needs: { table: 'readwrite', email: true, web: true },
  },
  'POST /v1/orgs/{orgId}/invoices/{docId}/credits': {
    entry: 'payments/apply-credit',
    summary: "Pay an invoice from its contact's credit (paid retainer invoices)",
    responses: { 201: CreditApplied },
    errors: [409, 422],
    auth: 'member',
    params: OrgDocumentParams,
    body: CreditBody,
    needs: { table: 'readwrite' },
  },
  'POST /v1/orgs/{orgId}/estimates/{docId}/convert': {
    entry: 'documents/convert-estimate',
    summary: 'Convert an accepted estimate into a draft invoice, once',
    responses: { 201: StaffDocument },
    errors: [409],
    auth: 'member',
    params: OrgDocumentParams,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/contacts/{contactId}/credits': {
    entry: 'payments/list-credits',
    summary: "A contact's unused credit per currency",
    responses: { 200: ContactCreditPage },
    auth: 'member',
    params: OrgContactParams,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/contacts/{contactId}/statement': {
    entry: 'receivables/get-statement',
    summary: "A contact's statement of account (from, to, currency) with its aging",
    responses: { 200: Statement },
    errors: [422],
    auth: 'member',
    params: OrgContactParams,
    query: StatementQuery,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/reports/receivables-aging': {
    entry: 'receivables/get-aging',
    summary: 'Accounts-receivable aging per contact and in total, as of a date',
    responses: { 200: AgingReport },
    auth: 'member',
    params: OrgParams,
    query: AgingQuery,
    needs: { table: 'read' },
  },
  'GET /v1/portal/{portalName}/documents': {
    entry: 'portal/list-documents',
    summary: "The sent documents of the signed-in person's contact, by kind and status",
    responses: { 200: PortalDocumentPage },
    auth: 'portal',
    params: PortalParams,
    query: PortalListQuery,
    needs: { table: 'read' },
  },
  'GET /v1/portal/{portalName}/documents/{docId}': {
    entry: 'portal/get-document',
    summary: 'One document with its comments and payments; the first view marks it viewed',
    responses: { 200: PortalDocumentThread },
    auth: 'portal',
    params: PortalDocumentParams,
    needs: { table: 'readwrite' },
  },
  'POST /v1/portal/{portalName}/documents/{docId}/accept': {
    entry: 'portal/accept-estimate',
    summary: 'Accept a sent, unexpired estimate',
    responses: { 200: PortalDocument },
    errors: [409, 422],
    auth: 'portal',
    params: PortalDocumentParams,
    needs: { table: 'readwrite' },
  },
  'POST /v1/portal/{portalName}/documents/{docId}/decline': {
    entry: 'portal/decline-estimate',
    summary: 'Decline a sent, unexpired estimate, with a reason',
    responses: { 200: PortalDocument },
    errors: [409, 422],
    auth: 'portal',
    params: PortalDocumentParams,
    body: DeclineBody,
    needs: { table: 'readwrite' },
  },
  'GET /v1/portal/{portalName}/documents/{docId}/comments': {
    entry: 'portal/list-comments',
    summary: "A document's comments",
    responses: { 200: CommentPage },
    auth: 'portal',
    params: PortalDocumentParams,
    needs: { table: 'read' },
  },
  'POST /v1/portal/{portalName}/documents/{docId}/comments': {
    entry: 'portal/add-comment',
    summary: 'Comment on a document; the staff member who created it is emailed',
    responses: { 201: Comment },
    auth: 'portal',
    params: PortalDocumentParams,
    body: CommentBody,
    needs: { table: 'readwrite', email: true, web: true },
  },
  'GET /v1/portal/{portalName}/documents/{docId}/pdf': {
    entry: 'portal/get-document-pdf',
    summary: 'A document as a PDF',
    responses: { 200: pdfReply },
    auth: 'portal',
    params: PortalDocumentParams,
    needs: { table: 'read' },
    renders: 'pdf',
  },
  'GET /v1/portal/{portalName}/statement': {
    entry: 'portal/get-statement',
    summary: "The contact's statement of account with its aging",
    responses: { 200: Statement },
    errors: [422],
    auth: 'portal',
    params: PortalParams,
    query: StatementQuery,
    needs: { table: 'read' },
  },
  'GET /v1/openapi.json': {
    entry: 'system/get-openapi',
    summary: 'This API as an OpenAPI 3.1 document',
    responses: { 200: ApiDescription },
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
