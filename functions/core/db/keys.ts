/**
 * Every DynamoDB key is built here and nowhere else. Tenant data always starts
 * with `ORG#<orgId>`; the only global items are portal-name claims, which map a
 * public name to its organization, and the per-address attempt counters of the
 * portal's sign-in routes, which no organization owns.
 */
export type Key = { PK: string; SK: string };
/** One partition's items whose sort key starts with a prefix. */
export type KeyPrefix = { PK: string; SKPrefix: string };

const org = (orgId: string) => `ORG#${orgId}`;
const MAIL_DIGEST = 'DIGEST#';
const staff = (staffId: string) => `STAFF#${staffId}`;

export const keys = {
  organization: (orgId: string): Key => ({ PK: org(orgId), SK: 'ORG' }),

  membership: (orgId: string, staffId: string): Key => ({ PK: org(orgId), SK: `MEMBER#${staffId}` }),
  /** GSI1 attributes of a membership: the organizations a staff user belongs to. */
  staffMembershipIndex: (staffId: string, orgId: string) => ({ GSI1PK: staff(staffId), GSI1SK: org(orgId) }),
  staffMembershipsPartition: (staffId: string) => ({ GSI1PK: staff(staffId) }),

  portalName: (name: string): Key => ({ PK: `PORTAL_NAME#${name}`, SK: 'PORTAL_NAME' }),

  /** Attempts at one portal's unauthenticated routes for one email (or invitation) in one fixed window starting at `windowStart` (epoch seconds). Apart from the organization's items: counting an attempt is not a change to the business's data. */
  portalAttempts: (orgId: string, subject: string, windowStart: number): Key => ({
    PK: `${org(orgId)}#ATTEMPTS`,
    SK: `ATTEMPTS#${subject.toLowerCase()}#${windowStart}`,
  }),
  /** Attempts from one source address at any portal in one fixed window. */
  addressAttempts: (sourceIp: string, windowStart: number): Key => ({ PK: `ADDRESS#${sourceIp}`, SK: `ATTEMPTS#${windowStart}` }),

  /** One per person with portal access: resolves (organization, email) to the person at login. */
  portalLogin: (orgId: string, email: string): Key => ({ PK: org(orgId), SK: `LOGIN#${email.toLowerCase()}` }),
  portalLoginPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'LOGIN#' }),

  /** A contact with its persons embedded. */
  contact: (orgId: string, contactId: string): Key => ({ PK: org(orgId), SK: `CONTACT#${contactId}` }),
  contactPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'CONTACT#' }),
  /** Present once a document was written for the contact: such a contact is never deleted. */
  contactHasDocuments: (orgId: string, contactId: string): Key => ({ PK: org(orgId), SK: `HAS_DOCUMENTS#${contactId}` }),

  /** A pending invitation, keyed by the SHA-256 of its token: the token itself is never stored. */
  invitation: (orgId: string, tokenHash: string): Key => ({ PK: org(orgId), SK: `INVITATION#${tokenHash}` }),

  /** One portal sign-in attempt of a person, by time (kept 90 days). */
  portalSignIn: (orgId: string, personId: string, at: string, id: string): Key => ({ PK: org(orgId), SK: `SIGNIN#${personId}#${at}#${id}` }),
  portalSignInPrefix: (orgId: string, personId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: `SIGNIN#${personId}#` }),

  /** A sign-in held until the person enrols a second factor, keyed by the SHA-256 of its session secret. */
  portalMfaSetup: (orgId: string, sessionHash: string): Key => ({ PK: org(orgId), SK: `MFA_SETUP#${sessionHash}` }),

  /**
   * A TOTP code a portal person's sign-in or enrolment was accepted with: refused a second time while it could still be
   * accepted (kept minutes, TTL). Portico never holds the secret, so the code stands for the time step it was valid in.
   */
  portalUsedTotp: (orgId: string, personId: string, code: string): Key => ({ PK: org(orgId), SK: `USED_TOTP#${personId}#${code}` }),
  /** A sign-in's challenge session (SHA-256) whose answer issued tokens: refused a second time (kept minutes, TTL). */
  portalAnsweredChallenge: (orgId: string, sessionHash: string): Key => ({ PK: org(orgId), SK: `ANSWERED_CHALLENGE#${sessionHash}` }),

  /** The last password reset asked for with an email at one portal, with the grant it was asked under. */
  portalPasswordReset: (orgId: string, email: string): Key => ({ PK: org(orgId), SK: `PASSWORD_RESET#${email.toLowerCase()}` }),

  /** A portal session, keyed by the SHA-256 of its refresh token. */
  portalSession: (orgId: string, refreshTokenHash: string): Key => ({ PK: org(orgId), SK: `SESSION#${refreshTokenHash}` }),

  /** A business's override of one email template. */
  /** English overrides keep the key they had before templates had languages; other languages add theirs. */
  emailTemplate: (orgId: string, templateKey: string, language = 'en'): Key => ({
    PK: org(orgId),
    SK: language === 'en' ? `EMAIL_TEMPLATE#${templateKey}` : `EMAIL_TEMPLATE#${templateKey}#${language}`,
  }),
  emailTemplatePrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'EMAIL_TEMPLATE#' }),

  /** A document's item collection: the document, its comments, payments and activity share one partition. */
  documentPartition: (orgId: string, docId: string) => ({ PK: document(orgId, docId) }),
  document: (orgId: string, docId: string): Key => ({ PK: document(orgId, docId), SK: 'DOC' }),
  comment: (orgId: string, docId: string, at: string, id: string): Key => ({ PK: document(orgId, docId), SK: `COMMENT#${at}#${id}` }),
  payment: (orgId: string, docId: string, at: string, id: string): Key => ({ PK: document(orgId, docId), SK: `PAYMENT#${at}#${id}` }),
  activity: (orgId: string, docId: string, at: string, id: string): Key => ({ PK: document(orgId, docId), SK: `ACTIVITY#${at}#${id}` }),
  /** How many comments the document has: the cap's counter, beside them (COMMENTS sorts after every COMMENT# and before DOC). */
  commentTally: (orgId: string, docId: string): Key => ({ PK: document(orgId, docId), SK: 'COMMENTS' }),
  /** One kind of item in a document's collection. */
  documentCollection: (orgId: string, docId: string, item: 'comment' | 'activity'): KeyPrefix => ({
    PK: document(orgId, docId),
    SKPrefix: item === 'comment' ? 'COMMENT#' : 'ACTIVITY#',
  }),
  /** In a document's collection ACTIVITY# < CHECKOUT# < COMMENT# < COMMENTS < DOC < LEDGER# < PAYMENT#: `SK >= DOC` is the document, its ledger and payments. */
  documentWithPaymentsStart: 'DOC',

  /** GSI1 attributes of a document: the organization's documents of one kind, by number. */
  documentKindIndex: (orgId: string, kind: string, sequence: number) => ({ GSI1PK: documentKind(orgId, kind), GSI1SK: sequence.toString().padStart(12, '0') }),
  documentKindPartition: (orgId: string, kind: string) => ({ GSI1PK: documentKind(orgId, kind) }),
  /** GSI2 attributes of a sent document: the portal's view of one contact. Absent on drafts. */
  contactDocumentIndex: (orgId: string, contactId: string, issueDate: string, docId: string) => ({
    GSI2PK: contactDocuments(orgId, contactId),
    GSI2SK: `${issueDate}#${docId}`,
  }),
  contactDocumentsPartition: (orgId: string, contactId: string) => ({ GSI2PK: contactDocuments(orgId, contactId) }),
  /** In a document's collection: one money movement of its ledger, keyed by what caused it (once per source). */
  documentEntry: (orgId: string, docId: string, entryId: string): Key => ({ PK: document(orgId, docId), SK: `LEDGER#${entryId}` }),
  documentEntryPrefix: (orgId: string, docId: string): KeyPrefix => ({ PK: document(orgId, docId), SKPrefix: 'LEDGER#' }),
  /** GSI2 attributes of a document's ledger entry: one contact's money movements, by date (the statement's movements). */
  contactPaymentIndex: (orgId: string, contactId: string, date: string, entryId: string) => ({
    GSI2PK: contactPayments(orgId, contactId),
    GSI2SK: `${date}#${entryId}`,
  }),
  contactPaymentsPartition: (orgId: string, contactId: string) => ({ GSI2PK: contactPayments(orgId, contactId) }),
  /** GSI3 attributes of a document with a balance owed: the organization's open receivables, by contact. */
  receivableIndex: (orgId: string, contactId: string, docId: string) => ({ GSI3PK: receivables(orgId), GSI3SK: `${contactId}#${docId}` }),
  receivablesPartition: (orgId: string) => ({ GSI3PK: receivables(orgId) }),
  contactReceivablesPrefix: (contactId: string) => `${contactId}#`,

  /** In an invoice's collection: its reminder schedule (offsets sent, the next date), while it is open. */
  reminderSchedule: (orgId: string, docId: string): Key => ({ PK: document(orgId, docId), SK: 'REMINDERS' }),
  /** GSI4 attributes of a reminder schedule: the organization's invoices by the date their next reminder is due. */
  reminderDueIndex: (orgId: string, date: string, docId: string) => ({ GSI4PK: remindersDue(orgId), GSI4SK: `${date}#${docId}` }),
  remindersDuePartition: (orgId: string) => ({ GSI4PK: remindersDue(orgId) }),
  /** In an invoice's collection: the late fee charged at a reminder offset (the fee invoice's id), put once: a fee per invoice and offset. */
  lateFee: (orgId: string, docId: string, offset: number): Key => ({ PK: document(orgId, docId), SK: `LATE_FEE#${offset}` }),
  /** Reminders due on or before a date sort before this bound (`#` < `~`). */
  remindersDueThrough: (date: string) => `${date}#~`,
  /** Present while the organization has reminders on, with GSI1 keys: the organizations the daily run visits (one partition, small items). */
  reminderOrganization: (orgId: string): Key => ({ PK: org(orgId), SK: 'REMINDERS_ON' }),
  reminderOrganizationIndex: (orgId: string) => ({ GSI1PK: 'REMINDER_ORGS', GSI1SK: orgId }),
  reminderOrganizationsPartition: () => ({ GSI1PK: 'REMINDER_ORGS' }),
  /**
   * Open balances due in one month, in one currency: the organization's (`contactId` absent) or one contact's; the
   * receivables aggregates the aging report reads. Apart from the organization's items: the consumer lane writes them.
   */
  receivablesAggregate: (orgId: string, currency: string, month: string, contactId?: string): Key => ({
    PK: receivablesAggregates(orgId),
    SK: contactId === undefined ? `ORG#${currency}#${month}` : `CONTACT#${contactId}#${currency}#${month}`,
  }),
  receivablesAggregatesPrefix: (orgId: string): KeyPrefix => ({ PK: receivablesAggregates(orgId), SKPrefix: '' }),
  /** What one document has put into the receivables aggregates, at which of its versions (apart from the items the report reads). */
  receivableShare: (orgId: string, docId: string): Key => ({ PK: receivableShares(orgId), SK: docId }),
  receivableSharesPrefix: (orgId: string): KeyPrefix => ({ PK: receivableShares(orgId), SKPrefix: '' }),

  /** The last number given to a document kind in an organization. */
  sequence: (orgId: string, kind: string): Key => ({ PK: org(orgId), SK: `SEQUENCE#${kind}` }),
  /** A remembered create: a retried request with the same key gets the first result. */
  idempotency: (orgId: string, scope: string, key: string): Key => ({ PK: org(orgId), SK: `IDEMPOTENCY#${scope}#${key}` }),
  /** A contact's unused credit in one currency (from paid retainer invoices). */
  contactCredit: (orgId: string, contactId: string, currency: string): Key => ({ PK: org(orgId), SK: `CREDIT#${contactId}#${currency}` }),
  contactCreditPrefix: (orgId: string, contactId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: `CREDIT#${contactId}#` }),
  /** One movement of a contact's credit, keyed by what caused it (once per source); the credit item holds their sum. */
  creditEntry: (orgId: string, contactId: string, currency: string, entryId: string): Key => ({
    PK: org(orgId),
    SK: `CREDIT_ENTRY#${contactId}#${currency}#${entryId}`,
  }),
  creditEntryPrefix: (orgId: string, contactId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: `CREDIT_ENTRY#${contactId}#` }),
  /** GSI1 attributes of a credit entry: one contact's movements in one currency, in the order they were recorded (pages of them). */
  creditEntryIndex: (orgId: string, contactId: string, currency: string, at: string, entryId: string) => ({
    GSI1PK: `${org(orgId)}#CREDIT_ENTRIES#${contactId}#${currency}`,
    GSI1SK: `${at}#${entryId}`,
  }),
  creditEntriesPartition: (orgId: string, contactId: string, currency: string) => ({ GSI1PK: `${org(orgId)}#CREDIT_ENTRIES#${contactId}#${currency}` }),

  /** Global: which organization a Stripe connected account belongs to (webhook events name only the account). */
  stripeAccount: (accountId: string): Key => ({ PK: `STRIPE_ACCOUNT#${accountId}`, SK: 'STRIPE_ACCOUNT' }),
  /** GSI1 attributes of an account link: every connected account, for reconciliation (one partition; accounts are few). */
  stripeAccountIndex: (accountId: string) => ({ GSI1PK: 'STRIPE_ACCOUNTS', GSI1SK: accountId }),
  stripeAccountsPartition: () => ({ GSI1PK: 'STRIPE_ACCOUNTS' }),
  /** The organization's Stripe connection. */
  stripeConnection: (orgId: string): Key => ({ PK: org(orgId), SK: 'STRIPE' }),
  /** The state of one Stripe onboarding link, keyed by the SHA-256 of its secret: the page Stripe sends the owner back to finds it inside its organization. */
  stripeOnboarding: (orgId: string, secretHash: string): Key => ({ PK: org(orgId), SK: `STRIPE_ONBOARDING#${secretHash}` }),
  /** A Checkout Session Portico created, alone in its partition (looked up by session id from webhooks and return pages). */
  checkoutSession: (orgId: string, sessionId: string): Key => ({ PK: `${org(orgId)}#CHECKOUT#${sessionId}`, SK: 'CHECKOUT' }),
  /** The Checkout Sessions one portal person holds open (at most a few), so starting one more can expire the oldest. */
  personCheckouts: (orgId: string, personId: string): Key => ({ PK: org(orgId), SK: `PERSON_CHECKOUTS#${personId}` }),
  /** In a document's collection: a checkout that pays it; the open ones are expired once the document is paid or voided. */
  documentCheckout: (orgId: string, docId: string, sessionId: string): Key => ({ PK: document(orgId, docId), SK: `CHECKOUT#${sessionId}` }),
  documentCheckoutPrefix: (orgId: string, docId: string): KeyPrefix => ({ PK: document(orgId, docId), SKPrefix: 'CHECKOUT#' }),
  /** A Stripe event already applied (deduplication by event id; kept 30+ days, the Events API's window). */
  stripeEvent: (orgId: string, eventId: string): Key => ({ PK: org(orgId), SK: `STRIPE_EVENT#${eventId}` }),

  /** Money of one Stripe payment intent applied to one document, once: the payment's own dedupe, whichever event (or reconciliation) brings it. */
  stripePayment: (orgId: string, paymentIntentId: string, docId: string): Key => ({ PK: org(orgId), SK: `STRIPE_PAYMENT#${paymentIntentId}#${docId}` }),
  stripePaymentPrefix: (orgId: string, paymentIntentId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: `STRIPE_PAYMENT#${paymentIntentId}#` }),
  /** The one receipt of an online payment: written with its event once all of the payment intent's money is applied. */
  onlinePaymentReceipt: (orgId: string, paymentIntentId: string): Key => ({ PK: org(orgId), SK: `RECEIPT#${paymentIntentId}` }),
  /** An online payment found by its id inside the organization (refunds): which document, which payment intent. */
  paymentRef: (orgId: string, paymentId: string): Key => ({ PK: org(orgId), SK: `PAYMENT_REF#${paymentId}` }),
  /** A refund reserved on applied money while Stripe is asked; removed once the request is recorded, or released by reconciliation. */
  refundReservation: (orgId: string, reservationId: string): Key => ({ PK: org(orgId), SK: `REFUND_RESERVATION#${reservationId}` }),
  refundReservationPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'REFUND_RESERVATION#' }),
  /** Money given back at Stripe (a refund, a lost dispute), taken off Portico's accounts once, whatever the plan on a retry. */
  moneyBack: (orgId: string, sourceId: string): Key => ({ PK: org(orgId), SK: `MONEY_BACK#${sourceId}` }),
  /** A Stripe dispute on a payment intent, once per dispute and outcome. */
  stripeDispute: (orgId: string, disputeId: string): Key => ({ PK: org(orgId), SK: `STRIPE_DISPUTE#${disputeId}` }),
  /** Where reconciliation of a connected account's events got to (global, beside the account link). */
  stripeReconciliation: (accountId: string): Key => ({ PK: `STRIPE_ACCOUNT#${accountId}`, SK: 'RECONCILED' }),
  /** The team: an organization's members, pending staff invitations (by the hash of their token's secret) and its own activity trail. */
  memberPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'MEMBER#' }),
  staffInvitation: (orgId: string, tokenHash: string): Key => ({ PK: org(orgId), SK: `STAFF_INVITATION#${tokenHash}` }),
  staffInvitationPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'STAFF_INVITATION#' }),
  orgActivity: (orgId: string, at: string, id: string): Key => ({ PK: org(orgId), SK: `ORG_ACTIVITY#${at}#${id}` }),
  orgActivityPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'ORG_ACTIVITY#' }),

  /**
   * The organization's hash-chained audit trail, in its own partition (every audited change writes it): one item per entry,
   * its `seq` zero-padded so the sort key orders by it, and the head (`HEAD` sorts after every `ENTRY#`), the last seq and hash.
   */
  auditEntry: (orgId: string, seq: number): Key => ({ PK: auditTrail(orgId), SK: `ENTRY#${seq.toString().padStart(12, '0')}` }),
  auditEntryPrefix: (orgId: string): KeyPrefix => ({ PK: auditTrail(orgId), SKPrefix: 'ENTRY#' }),
  auditHead: (orgId: string): Key => ({ PK: auditTrail(orgId), SK: 'HEAD' }),

  /** A staff user's TOTP enrolment, global to the user (every organization that requires MFA reads it). */
  staffMfa: (staffId: string): Key => ({ PK: staff(staffId), SK: 'MFA' }),
  /** A TOTP code a staff user's enrolment was accepted with, global to the user like the enrolment: refused a second time (kept minutes, TTL). */
  staffUsedTotp: (staffId: string, code: string): Key => ({ PK: staff(staffId), SK: `USED_TOTP#${code}` }),

  /** An outbox event, in its own partition: the stream delivers it; nothing queries it. */
  outboxEvent: (orgId: string, eventId: string): Key => ({ PK: outboxEvent(orgId, eventId), SK: 'EVENT' }),
  /** One effect of an event for one recipient (an email to a person): claimed before it runs, so a redelivered event does not repeat it. */
  effect: (orgId: string, eventId: string, effectName: string, recipient: string): Key => ({
    PK: outboxEvent(orgId, eventId),
    SK: `EFFECT#${effectName}#${recipient}`,
  }),
  /** One effect's run for an event as the dispatcher routes it: done, failed so far (with its attempts) or dead-lettered. */
  effectRun: (orgId: string, eventId: string, effectName: string): Key => ({ PK: outboxEvent(orgId, eventId), SK: `RUN#${effectName}` }),

  /** An outgoing webhook endpoint of the organization, and their list. */
  webhookEndpoint: (orgId: string, endpointId: string): Key => ({ PK: org(orgId), SK: `WEBHOOK#${endpointId}` }),
  webhookEndpointPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'WEBHOOK#' }),
  /** One message to one endpoint and its attempts, in the endpoint's partition; ids sort by time. */
  webhookDelivery: (orgId: string, endpointId: string, deliveryId: string): Key => ({ PK: webhookDeliveries(orgId, endpointId), SK: `DELIVERY#${deliveryId}` }),
  webhookDeliveryPrefix: (orgId: string, endpointId: string): KeyPrefix => ({ PK: webhookDeliveries(orgId, endpointId), SKPrefix: 'DELIVERY#' }),
  /**
   * GSI1 attributes of a delivery waiting for its next attempt, by when it is due. Sparse: removed once delivered or given up.
   * One partition across organizations, like the Stripe account links: the retry sweep is the platform's, not an organization's.
   */
  webhookRetryIndex: (dueAt: string, orgId: string, endpointId: string, deliveryId: string) => ({
    GSI1PK: 'WEBHOOK_RETRIES',
    GSI1SK: `${dueAt}#${orgId}#${endpointId}#${deliveryId}`,
  }),
  webhookRetriesPartition: () => ({ GSI1PK: 'WEBHOOK_RETRIES' }),

  /**
   * The emails sent for an organization on one UTC day (`YYYY-MM-DD`), counted against its daily cap; expires after the day.
   * In its own partition, like outbox events: every email writes it, often from the consumer lane after the request answered.
   */
  mailCount: (orgId: string, day: string): Key => ({ PK: `${org(orgId)}#MAIL_COUNT`, SK: day }),
  /** Global to the staff user, like their MFA: the emails they caused on one UTC day, across all their organizations. */
  senderMailCount: (staffId: string, day: string): Key => ({ PK: `${staff(staffId)}#MAIL_COUNT`, SK: day }),
  /** The organizations one staff user created on one UTC day, counted against their daily allowance. */
  organizationsCreated: (staffId: string, day: string): Key => ({ PK: `${staff(staffId)}#ORGS_CREATED`, SK: day }),
  /** The daily mail limit the operator set for one organization, when set. */
  mailLimit: (orgId: string): Key => ({ PK: org(orgId), SK: 'MAIL_LIMIT' }),
  /** Mail over a limit, waiting for its window, in the order it was meant to go. */
  waitingMail: (orgId: string, at: string, id: string): Key => ({ PK: `${org(orgId)}#MAIL_WAITING`, SK: `${at}#${id}` }),
  waitingMailPrefix: (orgId: string): KeyPrefix => ({ PK: `${org(orgId)}#MAIL_WAITING`, SKPrefix: '' }),
  /** A digest gathering notices for one recipient until `notBefore`; after every mail held by a limit (digits sort before `D`). */
  mailDigest: (orgId: string, notBefore: string, subject: string, recipient: string): Key => ({
    PK: `${org(orgId)}#MAIL_WAITING`,
    SK: `${MAIL_DIGEST}${notBefore}#${subject}#${recipient}`,
  }),
  mailDigestStart: () => MAIL_DIGEST,
  /** When the last comment notice about a document went out at once to one recipient: later ones within the window join their digest. Apart, like mail counts: the lane writes it after the request answered. */
  noticeWindow: (orgId: string, docId: string, recipient: string): Key => ({ PK: `${org(orgId)}#NOTICE_WINDOW`, SK: `${docId}#${recipient}` }),
  /** The notices one portal person caused on one UTC day. */
  portalNotices: (orgId: string, personId: string, day: string): Key => ({ PK: `${org(orgId)}#PORTAL_NOTICES`, SK: `${personId}#${day}` }),
  /** An address SES reported as bouncing permanently or complained about, for one organization's mail: nothing more is sent to it until staff confirm it. */
  undeliverableAddress: (orgId: string, email: string): Key => ({ PK: `${org(orgId)}#UNDELIVERABLE`, SK: `EMAIL#${email}` }),
  undeliverableAddresses: (orgId: string): KeyPrefix => ({ PK: `${org(orgId)}#UNDELIVERABLE`, SKPrefix: 'EMAIL#' }),
  /** GSI1 attributes of waiting mail: every organization's, oldest first, for the schedule that sends it (one partition; waiting mail is rare). */
  waitingMailIndex: (orgId: string, at: string, id: string) => ({ GSI1PK: 'MAIL_WAITING', GSI1SK: `${at}#${orgId}#${id}` }),
  waitingMailEverywhere: () => ({ GSI1PK: 'MAIL_WAITING' }),
};

function document(orgId: string, docId: string) {
  return `${org(orgId)}#DOC#${docId}`;
}
function documentKind(orgId: string, kind: string) {
  return `${org(orgId)}#KIND#${kind}`;
}
function contactDocuments(orgId: string, contactId: string) {
  return `${org(orgId)}#CONTACT#${contactId}#DOCS`;
}
function receivablesAggregates(orgId: string) {
  return `${org(orgId)}#RECEIVABLES`;
}
function receivableShares(orgId: string) {
  return `${org(orgId)}#RECEIVABLE_SHARES`;
}
function contactPayments(orgId: string, contactId: string) {
  return `${org(orgId)}#CONTACT#${contactId}#PAYMENTS`;
}
function webhookDeliveries(orgId: string, endpointId: string) {
  return `${org(orgId)}#WEBHOOK#${endpointId}`;
}
function outboxEvent(orgId: string, eventId: string) {
  return `${org(orgId)}#EVENT#${eventId}`;
}
function remindersDue(orgId: string) {
  return `${org(orgId)}#REMINDERS`;
}

function auditTrail(orgId: string) {
  return `${org(orgId)}#AUDIT`;
}
function receivables(orgId: string) {
  return `${org(orgId)}#RECEIVABLES`;
}
