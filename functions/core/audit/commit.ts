import type { Actor } from '../access/actor.ts';
import { clock } from '../clock.ts';
import { type TransactionStep, transact } from '../db/transact.ts';
import { retrying } from '../retry.ts';
import { invocationTimeLeftMs } from '../time-budget.ts';
import { extend } from './chain.ts';
import { type AuditActor, type AuditRecord, type AuditSubject, auditActor } from './entry.ts';
import { getHead, HeadMoved, moveHeadStep, putEntryStep } from './repository.ts';

/** A change's audit entry, given among its transaction's steps; `commit` chains it onto the trail when it writes them. */
export interface AuditStep {
  audit: AuditRecord;
}

/** A step of an audited transaction: a write, or the audit entry that records it. */
export type Step = TransactionStep | AuditStep;

/** DynamoDB's limit on the items of one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

/**
 * Chaining onto the head serializes an organization's changes: under a burst,
 * the losers read the head again after a random wait that grows to a second,
 * so a hundred writers spread out instead of all retrying at once. They stop
 * after a few seconds, and sooner when the invocation would otherwise have no
 * time left to answer (whatever it spent before its commit): a change that
 * answered 409 can then never commit after its answer, and none is cut off by
 * the function's timeout.
 */
const HEAD_RETRY = { attempts: 30, baseDelayMs: 20, maxDelayMs: 1_000 };
const HEAD_RETRY_BUDGET_MS = 6_000;
const TIME_KEPT_TO_ANSWER_MS = 3_000;

/**
 * The audit entry of a change: who (`actor`), what (`action`), to what (`subject`), now. The actor is
 * the one a service acts for, or, where a request proves who it is by other means (an invitation, a
 * sign-in's challenge), the trail's own form of it.
 */
export function auditStep(orgId: string, actor: Actor | AuditActor, action: string, subject: AuditSubject): AuditStep {
  return { audit: { orgId, at: clock.iso(), actor: 'kind' in actor ? auditActor(actor) : actor, action, subject } };
}

const isAuditStep = (step: Step): step is AuditStep => 'audit' in step;

/**
 * Writes a change and its audit entries in one transaction, or nothing. The
 * entries take the next `seq`s after the organization's head, each hashed onto
 * the one before, and the head moves on only if it still stands where it was
 * read; when another change moved it first, the head is read again and the
 * entries chained anew (the change's own steps keep their own conditions).
 */
export async function commit(steps: readonly Step[]): Promise<void> {
  const writes = steps.filter((step): step is TransactionStep => !isAuditStep(step));
  const records = steps.filter(isAuditStep).map((step) => step.audit);
  if (records.length === 0) return transact(writes);
  const { orgId } = records[0]!;
  if (records.some((record) => record.orgId !== orgId)) throw new Error("One transaction appends to one organization's audit trail.");
  if (writes.length + records.length + 1 > MAX_TRANSACTION_ITEMS)
    throw new Error(`An audited transaction of ${writes.length} writes exceeds ${MAX_TRANSACTION_ITEMS} items.`);
  const deadline = Date.now() + Math.min(HEAD_RETRY_BUDGET_MS, invocationTimeLeftMs() - TIME_KEPT_TO_ANSWER_MS);
  await retrying(
    async () => {
      const head = await getHead(orgId);
      const entries = extend(head, records);
      const last = entries.at(-1)!;
      await transact([...writes, ...entries.map((entry) => putEntryStep(orgId, entry)), moveHeadStep(orgId, head, last)]);
    },
    { ...HEAD_RETRY, retryOn: (error) => error instanceof HeadMoved && Date.now() < deadline },
  );
}
