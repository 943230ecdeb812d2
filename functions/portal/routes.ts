import { Comment, CommentPage } from '../core/comments/responses.ts';
import { CommentBody } from '../core/comments/schema.ts';
import { ArchiveQuery } from '../core/documents/archive-schema.ts';
import { PortalDocument, PortalDocumentPage, PortalDocumentThread } from '../core/documents/responses.ts';
import { DeclineBody, PortalDocumentParams, PortalListQuery } from '../core/documents/schema.ts';
import { EInvoiceQuery, eInvoiceReply } from '../core/e-invoices/schema.ts';
import { CheckoutStarted, CheckoutStatus } from '../core/online-payments/responses.ts';
import { CheckoutBody, CheckoutParams, MultiCheckoutBody, PaymentPageParams } from '../core/online-payments/schema.ts';
import { PortalInfo } from '../core/portal-names/responses.ts';
import { PortalAssetParams, PortalPageParams, PortalParams } from '../core/portal-names/schema.ts';
import { Statement } from '../core/receivables/responses.ts';
import { StatementQuery } from '../core/receivables/schema.ts';
import { htmlReply, pdfReply, type RouteSpec, scriptReply, zipReply } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';
import {
  acceptInvitationRoute,
  answerChallengeRoute,
  beginMfaEnrolmentRoute,
  completeNewPasswordRoute,
  confirmPasswordResetRoute,
  getMeRoute,
  listMySignInsRoute,
  refreshSessionRoute,
  removeMfaEnrolmentRoute,
  requestPasswordResetRoute,
  signInRoute,
  signOutEverywhereRoute,
  signOutRoute,
  verifyMfaEnrolmentRoute,
} from './session-routes.ts';

export const getPortalInfoRoute = {
  entry: 'portal/get-portal-info',
  summary: "The portal's organization name and branding, for its login page",
  responses: { 200: PortalInfo },
  auth: 'none',
  params: PortalParams,
  needs: { table: 'read', web: true },
} as const satisfies RouteSpec;

export const renderPageRoute = {
  entry: 'portal/render-page',
  summary: "The portal's sign-in page",
  responses: { 200: htmlReply, 404: htmlReply },
  auth: 'none',
  params: PortalPageParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const getPortalAssetRoute = {
  entry: 'portal/get-portal-asset',
  summary: "The portal pages' script, by its content-hashed name (cached for a year)",
  responses: { 200: scriptReply },
  auth: 'none',
  params: PortalAssetParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const renderNamedPageRoute = {
  entry: 'portal/render-page',
  summary: 'A portal page: invitation, reset-password, documents, statement, account, session-expired (any other name: the branded not-found page)',
  responses: { 200: htmlReply, 404: htmlReply },
  auth: 'none',
  params: PortalPageParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const renderDocumentPageRoute = {
  entry: 'portal/render-page',
  summary: 'The portal page of one document (the link in document emails)',
  responses: { 200: htmlReply, 404: htmlReply },
  auth: 'none',
  params: PortalPageParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const listDocumentsRoute = {
  entry: 'portal/list-documents',
  summary: "The sent documents of the signed-in person's contact, by kind and status",
  responses: { 200: PortalDocumentPage },
  auth: 'portal',
  params: PortalParams,
  query: PortalListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const getDocumentRoute = {
  entry: 'portal/get-document',
  summary: 'One document with its comments and payments; the first view marks it viewed',
  responses: { 200: PortalDocumentThread },
  auth: 'portal',
  params: PortalDocumentParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const acceptEstimateRoute = {
  entry: 'portal/accept-estimate',
  summary: 'Accept a sent, unexpired estimate',
  responses: { 200: PortalDocument },
  errors: [403, 409, 422],
  auth: 'portal',
  params: PortalDocumentParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const declineEstimateRoute = {
  entry: 'portal/decline-estimate',
  summary: 'Decline a sent, unexpired estimate, with a reason',
  responses: { 200: PortalDocument },
  errors: [403, 409, 422],
  auth: 'portal',
  params: PortalDocumentParams,
  body: DeclineBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const listCommentsRoute = {
  entry: 'portal/list-comments',
  summary: "A document's comments, a page at a time from the newest back; oldest first within a page",
  responses: { 200: CommentPage },
  auth: 'portal',
  params: PortalDocumentParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const addCommentRoute = {
  entry: 'portal/add-comment',
  summary: 'Comment on a document; the staff member who created it is emailed',
  responses: { 201: Comment },
  auth: 'portal',
  params: PortalDocumentParams,
  body: CommentBody,
  needs: { table: 'readwrite', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const getDocumentPdfRoute = {
  entry: 'portal/get-document-pdf',
  summary: 'A document as a PDF',
  responses: { 200: pdfReply },
  auth: 'portal',
  params: PortalDocumentParams,
  needs: { table: 'read', logoBucket: 'read' },
  renders: 'pdf',
} as const satisfies RouteSpec;

export const getDocumentArchiveRoute = {
  entry: 'portal/get-document-archive',
  summary: "A zip of the contact's sent documents as PDFs, newest first, with a manifest; `cursor` for the next part",
  responses: { 200: zipReply },
  auth: 'portal',
  params: PortalParams,
  query: ArchiveQuery,
  needs: { table: 'read', logoBucket: 'read' },
  renders: 'pdf',
} as const satisfies RouteSpec;

export const getDocumentEInvoiceRoute = {
  entry: 'portal/get-document-e-invoice',
  summary: 'A document as an EN 16931 e-invoice: UBL (Peppol BIS Billing 3.0), CII, XRechnung or Factur-X',
  responses: { 200: eInvoiceReply },
  errors: [422],
  auth: 'portal',
  params: PortalDocumentParams,
  query: EInvoiceQuery,
  needs: { table: 'read', logoBucket: 'read' },
  renders: 'eInvoice',
} as const satisfies RouteSpec;

export const getStatementRoute = {
  entry: 'portal/get-statement',
  summary: "The contact's statement of account with its aging (JSON pages; asked for as a PDF, 303 to the PDF's route)",
  responses: { 200: Statement, 303: null },
  errors: [422],
  auth: 'portal',
  params: PortalParams,
  query: StatementQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const getStatementPdfRoute = {
  entry: 'portal/get-statement-pdf',
  summary: "The contact's statement of account for a whole period in one currency, as a PDF",
  responses: { 200: pdfReply },
  errors: [422],
  auth: 'portal',
  params: PortalParams,
  query: StatementQuery,
  needs: { table: 'read', logoBucket: 'read' },
  renders: 'pdf',
} as const satisfies RouteSpec;

export const payDocumentRoute = {
  entry: 'portal/pay-document',
  summary:
    'Pay an invoice or retainer invoice online: a Stripe Checkout Session for its balance or an allowed part (201; 200 for an open one handed out again); honours Idempotency-Key',
  responses: { 200: CheckoutStarted, 201: CheckoutStarted },
  errors: [403, 409, 422],
  auth: 'portal',
  params: PortalDocumentParams,
  body: CheckoutBody,
  needs: { table: 'readwrite', stripe: true, web: true },
} as const satisfies RouteSpec;

export const payDocumentsRoute = {
  entry: 'portal/pay-documents',
  summary:
    'Pay up to 20 documents in one currency online, their balances or an amount spread oldest due date first (201; 200 for an open one handed out again)',
  responses: { 200: CheckoutStarted, 201: CheckoutStarted },
  errors: [403, 409, 422],
  auth: 'portal',
  params: PortalParams,
  body: MultiCheckoutBody,
  needs: { table: 'readwrite', stripe: true, web: true },
} as const satisfies RouteSpec;

export const getCheckoutStatusRoute = {
  entry: 'portal/get-checkout-status',
  summary: "Where one of the contact's checkouts stands: open, processing, paid or expired, with the documents it pays",
  responses: { 200: CheckoutStatus },
  auth: 'portal',
  params: CheckoutParams,
  needs: { table: 'read', stripe: true },
} as const satisfies RouteSpec;

export const renderPaymentPageRoute = {
  entry: 'portal/render-payment-page',
  summary: 'The pages Stripe sends a person back to: return (processing until the payment is applied, then payment received) and cancel',
  responses: { 200: htmlReply, 404: htmlReply },
  auth: 'none',
  params: PaymentPageParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

/** The customer portal: what a contact person signs in to, reads, answers and pays. */
export const routes = {
  'GET /v1/portal/{portalName}': getPortalInfoRoute,
  'POST /v1/portal/{portalName}/sessions': signInRoute,
  'POST /v1/portal/{portalName}/sessions/new-password': completeNewPasswordRoute,
  'POST /v1/portal/{portalName}/sessions/refresh': refreshSessionRoute,
  'POST /v1/portal/{portalName}/sessions/sign-out': signOutRoute,
  'POST /v1/portal/{portalName}/invitations/accept': acceptInvitationRoute,
  'POST /v1/portal/{portalName}/password-reset': requestPasswordResetRoute,
  'POST /v1/portal/{portalName}/password-reset/confirm': confirmPasswordResetRoute,
  'GET /v1/portal/{portalName}/me': getMeRoute,
  'GET /p/{portalName}': renderPageRoute,
  'GET /p/assets/{file}': getPortalAssetRoute,
  'GET /p/{portalName}/{page}': renderNamedPageRoute,
  'GET /p/{portalName}/documents/{docId}': renderDocumentPageRoute,
  'GET /v1/portal/{portalName}/documents': listDocumentsRoute,
  'GET /v1/portal/{portalName}/documents/{docId}': getDocumentRoute,
  'POST /v1/portal/{portalName}/documents/{docId}/accept': acceptEstimateRoute,
  'POST /v1/portal/{portalName}/documents/{docId}/decline': declineEstimateRoute,
  'GET /v1/portal/{portalName}/documents/{docId}/comments': listCommentsRoute,
  'POST /v1/portal/{portalName}/documents/{docId}/comments': addCommentRoute,
  'GET /v1/portal/{portalName}/documents/{docId}/pdf': getDocumentPdfRoute,
  'GET /v1/portal/{portalName}/documents/archive': getDocumentArchiveRoute,
  'GET /v1/portal/{portalName}/documents/{docId}/e-invoice': getDocumentEInvoiceRoute,
  'GET /v1/portal/{portalName}/statement': getStatementRoute,
  'GET /v1/portal/{portalName}/statement/pdf': getStatementPdfRoute,
  'POST /v1/portal/{portalName}/documents/{docId}/checkout': payDocumentRoute,
  'POST /v1/portal/{portalName}/checkout': payDocumentsRoute,
  'GET /v1/portal/{portalName}/checkout/{sessionId}': getCheckoutStatusRoute,
  'GET /p/{portalName}/payments/{outcome}': renderPaymentPageRoute,
  'GET /v1/portal/{portalName}/me/sign-ins': listMySignInsRoute,
  'POST /v1/portal/{portalName}/me/sign-out-everywhere': signOutEverywhereRoute,
  'POST /v1/portal/{portalName}/sessions/challenge': answerChallengeRoute,
  'POST /v1/portal/{portalName}/me/mfa': beginMfaEnrolmentRoute,
  'POST /v1/portal/{portalName}/me/mfa/verify': verifyMfaEnrolmentRoute,
  'DELETE /v1/portal/{portalName}/me/mfa': removeMfaEnrolmentRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Customer portal';
