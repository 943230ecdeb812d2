import { ARCHIVE_DESCRIPTION } from '../collection/api-docs.ts';
import type { AreaDocs } from '../core/route-spec.ts';
import { STATEMENT } from '../receivables/api-docs.ts';
import type { routes } from './routes.ts';

const accessToken = 'eyJraWQiOiJ4In0.eyJ0b2tlbl91c2UiOiJhY2Nlc3MifQ.c2ln';

export const docs = {
  tag: "The customer's side, under the business's portal name: signing in, documents, answers to estimates, comments, PDFs, the statement, online payment, and the portal's pages.",
  operations: {
    'GET /v1/portal/{portalName}/documents/archive': { description: ARCHIVE_DESCRIPTION },
    'GET /v1/portal/{portalName}/statement': {
      description: `The signed-in person's contact's statement. ${STATEMENT} Here, asked for with \`Accept: application/pdf\`, the answer is \`303 See Other\` to \`…/statement/pdf\` with the same query (a browser's fetch follows it with the same headers), so the PDF renderer never loads with the portal's pages.`,
    },
    'GET /v1/portal/{portalName}/statement/pdf': {
      description:
        "The signed-in person's contact's statement for the whole period in one currency, as a PDF, in the person's language: the query of the JSON statement without `limit` and `cursor`; up to 5,000 lines, else `422 STATEMENT_TOO_LARGE`.",
    },
    'POST /v1/portal/{portalName}/sessions': {
      description:
        "Answers tokens (use the ID token as the bearer), or a `challenge` with a `session` to answer at `…/sessions/challenge`: `NEW_PASSWORD_REQUIRED` at a first sign-in with a set password, `SOFTWARE_TOKEN_MFA` for the authenticator's code, `MFA_SETUP` where the organization requires a second factor the person has not enrolled. Wrong credentials and unknown emails answer alike (`401 INVALID_CREDENTIALS`); the 11th attempt for one email within 15 minutes is `429` with `Retry-After`.",
      example: { email: 'ann@globex.example', password: 'Portal-Password-1!' },
    },
    'POST /v1/portal/{portalName}/sessions/new-password': {
      example: { email: 'ann@globex.example', session: 'AYABeC9zZXNzaW9u', newPassword: 'New-Password-2!' },
    },
    'POST /v1/portal/{portalName}/sessions/refresh': { example: { refreshToken: 'eyJjdHkiOiJKV1QifQ.cmVmcmVzaA.c2ln' } },
    'POST /v1/portal/{portalName}/sessions/sign-out': { example: { refreshToken: 'eyJjdHkiOiJKV1QifQ.cmVmcmVzaA.c2ln' } },
    'POST /v1/portal/{portalName}/invitations/accept': {
      description: "The token is the one in the invitation link; it works once and lapses after its validity. Answers the person's tokens.",
      example: { token: 'inv_Yx3k9P2qLm8VbN4cR7tW1zA6sD0fG5hJ', password: 'Portal-Password-1!' },
    },
    'POST /v1/portal/{portalName}/password-reset': {
      description: 'Always `202`, whether or not the email has access, so nobody learns who does; a person with access is mailed a code.',
      example: { email: 'ann@globex.example' },
    },
    'POST /v1/portal/{portalName}/password-reset/confirm': { example: { email: 'ann@globex.example', code: '482913', newPassword: 'New-Password-2!' } },
    'GET /v1/portal/{portalName}/documents': { description: 'Sent documents only, never drafts; newest issue date first.' },
    'GET /v1/portal/{portalName}/documents/{docId}': { description: 'The first view of a sent document marks it `viewed` and records it in its activity.' },
    'POST /v1/portal/{portalName}/documents/{docId}/accept': { description: 'Needs the `approve` permission (`403` otherwise).' },
    'POST /v1/portal/{portalName}/documents/{docId}/decline': {
      description: 'Needs the `approve` permission (`403` otherwise).',
      example: { reason: 'The delivery date does not work for us.' },
    },
    'POST /v1/portal/{portalName}/documents/{docId}/comments': { example: { body: 'Could you add our purchase order number PO-7781?' } },
    'POST /v1/portal/{portalName}/documents/{docId}/checkout': {
      description:
        "Starts a Stripe Checkout on the organization's own account and answers its `url`: `201` for a new session, `200` when an open one for the same document and amount is handed out again. Without `amount` the balance is paid; a part payment needs the organization to allow it and at least its minimum. Needs the `pay` permission. All refusals happen before Stripe is asked, and write nothing.",
      example: { amount: 25000 },
    },
    'POST /v1/portal/{portalName}/checkout': {
      description:
        'Pays up to 20 documents of one currency in one Stripe Checkout; an `amount` below their balances is spread oldest due date first. Otherwise as the single-document checkout.',
      example: { docIds: ['doc_5v7b9n1m3k5j7h9g', 'doc_2c4x6z8a0s2d4f6g'], amount: 80000 },
    },
    'POST /v1/portal/{portalName}/sessions/challenge': {
      description:
        'Answers the challenge a sign-in returned, with its `session`: the new password, the 6-digit code, or for `MFA_SETUP` first without `answer` (the secret and QR code to enrol) and then with the first code. A wrong code answers as a wrong password, and so does a code used before by the same person (at sign-in or enrolment) or a `SOFTWARE_TOKEN_MFA` session already answered: each works once.',
      example: { email: 'ann@globex.example', challenge: 'SOFTWARE_TOKEN_MFA', session: 'AYABeC9zZXNzaW9u', answer: '123456' },
    },
    'POST /v1/portal/{portalName}/me/mfa': { example: { accessToken } },
    'POST /v1/portal/{portalName}/me/mfa/verify': {
      description:
        "Confirms an authenticator with its first code; it becomes the person's second factor. A wrong code, or one this person used before (it works once), answers `401 INVALID_CREDENTIALS`.",
      example: { accessToken, code: '123456' },
    },
    'DELETE /v1/portal/{portalName}/me/mfa': { example: { accessToken } },
  },
} satisfies AreaDocs<typeof routes>;
