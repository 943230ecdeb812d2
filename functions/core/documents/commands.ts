import { type Actor, actorRef } from '../access/actor.ts';
import { requirePermission } from '../access/permissions.ts';
import { auditStep, commit, type Step } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import type { TransactionStep } from '../db/transact.ts';
import { Conflict, NotFound, Unprocessable } from '../errors.ts';
import { putDocumentEntryStep } from '../ledger/repository.ts';
import { type DocumentEntryKind, entryId, type LedgerEntry, type Movement } from '../ledger/schema.ts';
import { count } from '../metrics.ts';
import type { OutboxEventData } from '../outbox/events.ts';
import { newOutboxEvent, outboxStep } from '../outbox/repository.ts';
import { receivableChange } from '../receivables/open-amount.ts';
import { activityStep } from './activity.ts';
import { type DocumentKind, kindLabels } from './kinds.ts';
import { deleteReminderScheduleStep, owesMoney } from './reminder-schedule.ts';
import * as documents from './repository.ts';
import { type DocumentAction, type Rule, rules } from './rules.ts';
import type { StoredDocument } from './schema.ts';
import { assertDocumentFits } from './size.ts';
import { type DocumentStatus, effectiveStatus } from './status.ts';

/**
 * The one writer of documents: every change of a document's state is decided
 * here from the rule table, and written in one transaction with its activity
 * entry, its audit-trail entry, its outbox event and the caller's extra steps
 * (a payment, a comment, an idempotency record). No other module puts a document. Money on a
 * document moves only as ledger entries given here: the writer adds them up
 * into `amountPaid` and `balance`, and writes them in the same transaction.
 */

/** What an action brings besides the rule's own effects. */
export interface Change {
  /**
   * Today in the organization's time zone (`todayIn`): the day the action is
   * taken on, which overdue and expired are judged against, and the date of
   * entries that give none.
   */
  on: string;
  /** Fields it sets, beyond status, stamp, version, updatedAt and the amounts (the content of an edit, a dispute's mark). */
  fields?: Partial<Omit<StoredDocument, 'amountPaid' | 'balance' | 'creditsApplied'>>;
  /** Money moving on the document, each tied to its source: the only way its amounts change. */
  entries?: Movement<DocumentEntryKind>[];
  /** The activity entry's details. */
  details?: Record<string, unknown>;
  /** The data of the rule's outbox event. */
  event?: OutboxEventData[keyof OutboxEventData];
  /** Other writes that must commit with it. */
  steps?: Step[];
  /** An action that leaves the document unchanged commits only on the version read: what it writes beside it follows from its amounts (a late fee). */
  asRead?: boolean;
}

export interface Decision {
  /** The document after the change (the one read, for actions that do not write it). */
  document: StoredDocument;
  steps: Step[];
}

/**
 * Refuses an action the rules do not allow: an actor or kind the rule does not
 * name is 422 (it can never work), a status it does not start from is 409.
 */
export function assertAllowed(action: DocumentAction, actor: Actor['kind'], kind: DocumentKind, status: DocumentStatus | 'new'): Rule {
  const rule = rules[action];
  if (!rule.actors.includes(actor) || !rule.kinds.includes(kind)) {
    throw new Unprocessable('ACTION_NOT_ALLOWED', `${kindLabels[kind]}s cannot be ${rule.verb}.`, { action, kind });
  }
  if (!rule.from.includes(status)) {
    throw new Conflict('INVALID_STATUS_TRANSITION', `A ${status} ${kindLabels[kind].toLowerCase()} cannot be ${rule.verb}.`, { action, status });
  }
  return rule;
}

/** An actor only ever changes documents of its own organization (and, in the portal, of its own contact). */
function assertInScope(actor: Actor, document: StoredDocument) {
  const outside = actor.kind !== 'system' && (actor.orgId !== document.orgId || (actor.kind === 'portal' && actor.contactId !== document.contactId));
  if (outside) throw new NotFound('Document');
}

/** The steps of an action on a document read at `current`, conditioned on that version and status. */
export function decide(current: StoredDocument, action: DocumentAction, actor: Actor, change: Change): Decision {
  assertInScope(actor, current);
  const permission = rules[action].permission;
  if (permission && actor.kind === 'portal') requirePermission(actor, permission);
  const rule = assertAllowed(action, actor.kind, current.kind, effectiveStatus(current, change.on));
  const changed = withMoney({ ...current, ...change.fields }, change.entries ?? []);
  const refusal = rule.guard?.(current, changed);
  if (refusal) throw refusal;
  const now = clock.iso();
  let next = current;
  let write: TransactionStep;
  if (rule.to === 'removed') {
    write = documents.deleteDocumentStep(current);
  } else if (rule.to === 'unchanged') {
    write = documents.documentExistsStep(current, change.asRead);
  } else {
    const status = typeof rule.to === 'function' ? rule.to(changed) : rule.to;
    next = { ...changed, status, ...(rule.stamp ? { [rule.stamp]: now } : {}), version: current.version + 1, updatedAt: now };
    assertDocumentFits(next);
    write = documents.replaceDocumentStep(next, current, rule.condition);
  }
  // A status that follows from the change (amounts, a first view) is not implied by the action: the trail says it.
  const details = typeof rule.to === 'function' ? { ...change.details, status: next.status } : change.details;
  const entries = (change.entries ?? []).map((movement) => putDocumentEntryStep(ledgerEntry(next, movement, change.on, now)));
  // An invoice that no longer owes money (paid, voided, fully credited) is reminded no more, from this very change on.
  const settled =
    current.kind === 'invoice' && owesMoney(current) && !owesMoney(next) && rule.to !== 'removed'
      ? [deleteReminderScheduleStep(current.orgId, current.id)]
      : [];
  return {
    document: next,
    steps: [write, ...entries, ...settled, ...effects(rule, next, actor, { ...change, details }, now), ...receivableSteps(current, next, actor)],
  };
}

/** The amounts that follow from the entries: paid is their sum, the balance what is left of the total. */
function withMoney(document: StoredDocument, entries: readonly Movement<DocumentEntryKind>[]): StoredDocument {
  const sumOf = (kind?: DocumentEntryKind) => entries.filter((entry) => !kind || entry.kind === kind).reduce((sum, entry) => sum + entry.amount, 0);
  const amountPaid = document.amountPaid + sumOf();
  // Money is only ever taken back from where it went: a bug if a document would give back more than it got.
  if (amountPaid < 0) throw new Error(`Document ${document.id} would have paid ${amountPaid}.`);
  return { ...document, amountPaid, creditsApplied: document.creditsApplied + sumOf('credit_applied'), balance: document.total - amountPaid };
}

function ledgerEntry(
  document: StoredDocument,
  movement: Movement<DocumentEntryKind>,
  on: string,
  at: string,
): LedgerEntry<DocumentEntryKind> & { docId: string } {
  return {
    ...movement,
    id: entryId(movement),
    orgId: document.orgId,
    contactId: document.contactId,
    currency: document.currency,
    account: 'document',
    docId: document.id,
    documentNumber: document.number,
    date: movement.date ?? on,
    at,
  };
}

/**
 * The steps that write a new document with its first activity entry: a draft
 * (`create`, the invoice of a conversion too), or a late fee's invoice written
 * already sent (`chargeLateFee`), in the status and with the stamp of its rule.
 */
export function decideCreation(
  draft: StoredDocument,
  actor: Actor,
  change: Omit<Change, 'on' | 'entries'> = {},
  action: 'create' | 'chargeLateFee' = 'create',
): Decision {
  assertInScope(actor, draft);
  const rule = assertAllowed(action, actor.kind, draft.kind, 'new');
  if (typeof rule.to !== 'string' || rule.to === 'unchanged' || rule.to === 'removed') throw new Error(`The ${action} rule must name the status it creates.`);
  const document: StoredDocument = { ...draft, status: rule.to, ...(rule.stamp ? { [rule.stamp]: draft.createdAt } : {}) };
  assertDocumentFits(document);
  return {
    document,
    steps: [
      documents.putNewDocumentStep(document),
      ...effects(rule, document, actor, change, document.createdAt),
      ...receivableSteps(undefined, document, actor),
    ],
  };
}

/** Applies an action and commits it: the document as it now is. */
export async function apply(current: StoredDocument, action: DocumentAction, actor: Actor, change: Change): Promise<StoredDocument> {
  const decision = decide(current, action, actor, change);
  await commit(decision.steps);
  if (action === 'send') count('DocumentsSent');
  return decision.document;
}

/** Any change of what a document leaves open is announced, whatever the action, so the receivables aggregates miss none. */
function receivableSteps(current: StoredDocument | undefined, next: StoredDocument, actor: Actor): TransactionStep[] {
  const change = receivableChange(current, next);
  return change ? [outboxStep(newOutboxEvent(next.orgId, 'receivable.changed', actorRef(actor), change))] : [];
}

function effects(rule: Rule, document: StoredDocument, actor: Actor, change: Omit<Change, 'on'>, at: string): Step[] {
  const by = actorRef(actor);
  const steps: Step[] = [
    activityStep(document.orgId, { docId: document.id, action: rule.activity, actor: by, at, ...(change.details ? { details: change.details } : {}) }),
    auditStep(document.orgId, actor, `${document.kind}.${rule.activity}`, { type: document.kind, id: document.id }),
  ];
  if (rule.event) {
    if (!change.event) throw new Error(`The ${rule.activity} change of a document must say what its ${rule.event} event carries.`);
    steps.push(outboxStep(newOutboxEvent(document.orgId, rule.event, by, change.event)));
  }
  return [...steps, ...(change.steps ?? [])];
}
