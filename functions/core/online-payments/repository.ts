import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { clock } from '../clock.ts';
import { batchGet } from '../db/batch-get.ts';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allInIndexPartition, allWithPrefix } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Conflict, StaleWrite } from '../errors.ts';
import { ALREADY_RECORDED } from '../ledger/repository.ts';
import type {
  AppliedStripePayment,
  CheckoutPaymentStatus,
  CheckoutRecord,
  PaymentRef,
  PersonCheckouts,
  StripeAccountLink,
  StripeConnection,
  StripeOnboardingState,
} from './records.ts';

/** Kept a little past Stripe's 24 h session lifetime, then removed by TTL. */
const CHECKOUT_TTL_SECONDS = 3 * 24 * 60 * 60;

const get = async (key: { PK: string; SK: string }) => (await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item;

/** Links a new connected account to its organization, once: an account never moves to another organization. */
export function putAccountLinkStep(link: StripeAccountLink): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.stripeAccount(link.accountId), ...keys.stripeAccountIndex(link.accountId), type: 'stripe-account', ...link },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: () => new Conflict('STRIPE_ACCOUNT_TAKEN', 'This Stripe account is already connected to an organization.'),
  };
}

/** Which organization a connected account belongs to (the only way a webhook event finds its tenant). */
export async function getAccountLink(accountId: string): Promise<StripeAccountLink | undefined> {
  const item = await get(keys.stripeAccount(accountId));
  return item ? withoutKeys<StripeAccountLink>(item) : undefined;
}

/** Every connected account (reconciliation walks them). */
export async function listAccountLinks(): Promise<StripeAccountLink[]> {
  return (await allInIndexPartition('GSI1', keys.stripeAccountsPartition())).map((item) => withoutKeys<StripeAccountLink>(item));
}

/** The organization's Stripe connection, if it connected one. */
export async function getConnection(orgId: string): Promise<StripeConnection | undefined> {
  const item = await get(keys.stripeConnection(orgId));
  return item ? withoutKeys<StripeConnection>(item) : undefined;
}

/** Writes the first connection of an organization (with its account link, in one transaction): a second connect finds it. */
export function putNewConnectionStep(connection: StripeConnection): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.stripeConnection(connection.orgId), type: 'stripe-connection', ...connection },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: () => new Conflict('STRIPE_ALREADY_CONNECTED', 'This organization already has a Stripe account.'),
  };
}

/** Replaces a connection with its next state, on the version read. */
export function replaceConnectionStep(next: StripeConnection, readVersion: number): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.stripeConnection(next.orgId), type: 'stripe-connection', ...next },
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': readVersion },
      },
    },
    onConditionFailed: () => new StaleWrite('The Stripe connection'),
  };
}

/** Stores the way back of one onboarding link, under the SHA-256 of its secret (never the secret). */
export async function putOnboardingState(state: StripeOnboardingState, secretHash: string): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.stripeOnboarding(state.orgId, secretHash), type: 'stripe-onboarding', ...state },
      ConditionExpression: 'attribute_not_exists(PK)',
    }),
  );
}

/** An onboarding link's way back, looked up inside the organization the address names; another organization's is simply not there. */
export async function getOnboardingState(orgId: string, secretHash: string): Promise<StripeOnboardingState | undefined> {
  const item = await get(keys.stripeOnboarding(orgId, secretHash));
  return item ? withoutKeys<StripeOnboardingState>(item) : undefined;
}

/** A Checkout Session Portico created, and one item per document it pays (so a document's open sessions can be found). */
export function putCheckoutSteps(record: CheckoutRecord): TransactionStep[] {
  const expiresAt = clock.epochSeconds() + CHECKOUT_TTL_SECONDS;
  return [
    {
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...keys.checkoutSession(record.orgId, record.sessionId), type: 'checkout', ...record, expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
    },
    ...record.allocations.map(
      (allocation): TransactionStep => ({
        write: {
          Put: {
            TableName: tableName(),
            Item: {
              ...keys.documentCheckout(record.orgId, allocation.docId, record.sessionId),
              type: 'document-checkout',
              sessionId: record.sessionId,
              amount: allocation.amount,
              expiresAt,
            },
          },
        },
      }),
    ),
  ];
}

/** A checkout of this organization by session id; another organization's session is simply not there. */
export async function getCheckoutRecord(orgId: string, sessionId: string): Promise<CheckoutRecord | undefined> {
  const item = await get(keys.checkoutSession(orgId, sessionId));
  return item ? withoutKeys<CheckoutRecord>(item) : undefined;
}

/** Several checkouts of this organization by session id (a document's sessions), those found. */
export async function getCheckoutRecords(orgId: string, sessionIds: readonly string[]): Promise<CheckoutRecord[]> {
  const items = await batchGet(sessionIds.map((sessionId) => keys.checkoutSession(orgId, sessionId)));
  return items.filter((item) => item !== undefined).map((item) => withoutKeys<CheckoutRecord>(item));
}

/** Moves a checkout on from the status it was read in (open → complete or expired), once. */
export function checkoutStatusStep(record: CheckoutRecord, status: CheckoutRecord['status'], fields: Partial<CheckoutRecord> = {}): TransactionStep {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.checkoutSession(record.orgId, record.sessionId),
        UpdateExpression: `SET #status = :to${Object.keys(fields)
          .map((_field, index) => `, #f${index} = :v${index}`)
          .join('')}`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(Object.keys(fields).map((field, index) => [`#f${index}`, field])) },
        ExpressionAttributeValues: {
          ':to': status,
          ':from': record.status,
          ...Object.fromEntries(Object.values(fields).map((value, index) => [`:v${index}`, value])),
        },
      },
    },
    onConditionFailed: () => new StaleWrite('The checkout'),
  };
}

/** The sessions a portal person holds open, as last written; none when the person never started one (or not for days). */
export async function getPersonCheckouts(orgId: string, personId: string): Promise<PersonCheckouts | undefined> {
  const item = await get(keys.personCheckouts(orgId, personId));
  return item ? withoutKeys<PersonCheckouts>(item) : undefined;
}

/**
 * Replaces a person's open sessions on the version read (or writes the first
 * list), in the transaction that stores the new checkout: two checkouts the
 * same person starts at once cannot both count the list as it was.
 */
export function putPersonCheckoutsStep(next: PersonCheckouts, readVersion: number | undefined): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        // Outlives every session in it (Stripe's last 24 hours at most), then goes by TTL.
        Item: { ...keys.personCheckouts(next.orgId, next.personId), type: 'person-checkouts', ...next, expiresAt: clock.epochSeconds() + CHECKOUT_TTL_SECONDS },
        ...(readVersion === undefined
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : {
              ConditionExpression: '#version = :version',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':version': readVersion },
            }),
      },
    },
    onConditionFailed: () => new StaleWrite("The person's open checkouts"),
  };
}

/** The sessions that pay a document (its collection's CHECKOUT# items): the session ids to look up. */
export async function listDocumentCheckouts(orgId: string, docId: string): Promise<{ sessionId: string; amount: number }[]> {
  return (await allWithPrefix(keys.documentCheckoutPrefix(orgId, docId))).map((item) => ({
    sessionId: item.sessionId as string,
    amount: item.amount as number,
  }));
}

// ---- Applying Stripe's events: dedupe markers, applied money, payment lookups ----

/** Kept past the Events API's 30 days, so reconciliation never re-applies what it can still list. */
const EVENT_MARK_TTL_SECONDS = 35 * 24 * 60 * 60;

/** A step's condition failed because the same event or money was applied before: the caller skips, it is not an error. */
export const ALREADY_APPLIED = 'ALREADY_APPLIED';
export const alreadyApplied = (what: string) => () => new Conflict(ALREADY_APPLIED, `${what} was applied before.`);

/** Marks an event applied, once: in the transaction of its effect, or alone when it has none. */
export function markEventStep(orgId: string, eventId: string, eventType: string): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.stripeEvent(orgId, eventId),
          type: 'stripe-event',
          eventId,
          eventType,
          appliedAt: clock.iso(),
          expiresAt: clock.epochSeconds() + EVENT_MARK_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: alreadyApplied('The Stripe event'),
  };
}

/** Whether an event of this organization was applied already (a shortcut; the conditional writes decide). */
export async function isEventApplied(orgId: string, eventId: string): Promise<boolean> {
  return (await get(keys.stripeEvent(orgId, eventId))) !== undefined;
}

/** Records money of a payment intent applied to a document, once however many events bring it. */
export function putAppliedPaymentStep(applied: AppliedStripePayment): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.stripePayment(applied.orgId, applied.paymentIntentId, applied.docId), type: 'stripe-payment', ...applied },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: alreadyApplied('This payment'),
  };
}

/** Money of a payment intent applied to one document, if it was. */
export async function getAppliedPayment(orgId: string, paymentIntentId: string, docId: string): Promise<AppliedStripePayment | undefined> {
  const item = await get(keys.stripePayment(orgId, paymentIntentId, docId));
  return item ? withoutKeys<AppliedStripePayment>(item) : undefined;
}

/** Every document a payment intent paid (refunds and disputes name only the charge's payment intent). */
export async function listAppliedPayments(orgId: string, paymentIntentId: string): Promise<AppliedStripePayment[]> {
  return (await allWithPrefix(keys.stripePaymentPrefix(orgId, paymentIntentId))).map((item) => withoutKeys<AppliedStripePayment>(item));
}

/** Replaces applied money with its next state (a refund, a reversal), on the version read: each is counted once. */
export function replaceAppliedPaymentStep(next: AppliedStripePayment, readVersion: number): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.stripePayment(next.orgId, next.paymentIntentId, next.docId), type: 'stripe-payment', ...next },
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': readVersion },
      },
    },
    onConditionFailed: () => new StaleWrite('The payment'),
  };
}

/**
 * One marker per refund or dispute, in the transaction that takes its money
 * back: a retry after a lost race, planning anew, can never take the same
 * money from another place.
 */
export function putMoneyBackStep(orgId: string, sourceId: string): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.moneyBack(orgId, sourceId), type: 'money-back', sourceId },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    onConditionFailed: () => new Conflict(ALREADY_RECORDED, 'This money was taken back before.'),
  };
}

/** Whether a refund's or lost dispute's money was taken back already (read strongly consistent: a copy that just committed is seen). */
export async function isMoneyBackRecorded(orgId: string, sourceId: string): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.moneyBack(orgId, sourceId), ConsistentRead: true }));
  return Item !== undefined;
}

/** Lets a payment, online or offline, be found by its id inside the organization (refunds). */
export function putPaymentRefStep(orgId: string, ref: PaymentRef): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.paymentRef(orgId, ref.paymentId), type: 'payment-ref', ...ref },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/** A payment of this organization by id; another organization's is simply not there. */
export async function getPaymentRef(orgId: string, paymentId: string): Promise<PaymentRef | undefined> {
  const item = await get(keys.paymentRef(orgId, paymentId));
  return item ? withoutKeys<PaymentRef>(item) : undefined;
}

/** Records how a checkout's money stands; `complete` once paid. Not conditioned on the status read: events arrive in any order and each sets what it knows. */
export function checkoutPaymentStep(record: CheckoutRecord, paymentStatus: CheckoutPaymentStatus, paymentIntentId: string | undefined): TransactionStep {
  const complete = paymentStatus === 'paid';
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.checkoutSession(record.orgId, record.sessionId),
        // A paid checkout stays paid, whatever older news arrives later.
        UpdateExpression: `SET paymentStatus = :payment${complete ? ', #status = :complete' : ''}${paymentIntentId ? ', paymentIntentId = :intent' : ''}`,
        ConditionExpression: complete ? 'attribute_exists(PK)' : 'attribute_exists(PK) AND (attribute_not_exists(paymentStatus) OR paymentStatus <> :paid)',
        ExpressionAttributeNames: complete ? { '#status': 'status' } : undefined,
        ExpressionAttributeValues: {
          ':payment': paymentStatus,
          ...(complete ? { ':complete': 'complete' } : { ':paid': 'paid' }),
          ...(paymentIntentId ? { ':intent': paymentIntentId } : {}),
        },
      },
    },
    onConditionFailed: alreadyApplied('A later state of the checkout'),
  };
}

/** When reconciliation last read a connected account's events. */
export async function getLastReconciliation(accountId: string): Promise<Date | undefined> {
  const item = await get(keys.stripeReconciliation(accountId));
  return item ? new Date(item.ranAt as string) : undefined;
}

/** Records a reconciliation run of an account (the start, so the next run overlaps it). */
export async function putReconciliation(accountId: string, ranAt: Date): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.stripeReconciliation(accountId), type: 'stripe-reconciliation', accountId, ranAt: ranAt.toISOString() },
    }),
  );
}
