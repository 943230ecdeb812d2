import { Conflict, Unprocessable } from '../errors.ts';
import { documentKinds, kindLabels, type DocumentKind } from './kinds.ts';
import type { DocumentStatus } from './status.ts';

export type Actor = 'staff' | 'portal';
export type DocumentAction = 'edit' | 'delete' | 'send' | 'void' | 'accept' | 'decline' | 'convert' | 'pay' | 'applyCredit';

interface Rule {
  actor: Actor;
  kinds: readonly DocumentKind[];
  /** Effective statuses the action starts from. */
  from: readonly DocumentStatus[];
}

const all = documentKinds;
const open: readonly DocumentStatus[] = ['sent', 'viewed', 'partially_paid', 'overdue'];

/**
 * Every transition the server allows; nothing else changes a status. A status
 * a client sends is never stored. Voiding needs no payments (checked apart);
 * accept and decline need an estimate that is sent and not expired.
 */
export const transitions: Readonly<Record<DocumentAction, Rule>> = {
  edit: { actor: 'staff', kinds: all, from: ['draft'] },
  delete: { actor: 'staff', kinds: all, from: ['draft'] },
  send: { actor: 'staff', kinds: all, from: ['draft'] },
  void: { actor: 'staff', kinds: all, from: ['draft', 'sent', 'viewed', 'overdue', 'expired', 'accepted', 'declined'] },
  accept: { actor: 'portal', kinds: ['estimate'], from: ['sent', 'viewed'] },
  decline: { actor: 'portal', kinds: ['estimate'], from: ['sent', 'viewed'] },
  convert: { actor: 'staff', kinds: ['estimate'], from: ['accepted'] },
  pay: { actor: 'staff', kinds: ['invoice', 'retainer-invoice'], from: open },
  applyCredit: { actor: 'staff', kinds: ['invoice'], from: open },
};

const verbs: Record<DocumentAction, string> = {
  edit: 'edited',
  delete: 'deleted',
  send: 'sent',
  void: 'voided',
  accept: 'accepted',
  decline: 'declined',
  convert: 'converted',
  pay: 'paid',
  applyCredit: 'paid with credit',
};

/**
 * Refuses an action the rules do not allow: the wrong kind of document is 422
 * (it can never work), the wrong status is 409 (it conflicts with the state).
 */
export function assertTransition(action: DocumentAction, actor: Actor, kind: DocumentKind, status: DocumentStatus): void {
  const rule = transitions[action];
  if (rule.actor !== actor || !rule.kinds.includes(kind)) {
    throw new Unprocessable('ACTION_NOT_ALLOWED', `${kindLabels[kind]}s cannot be ${verbs[action]}.`, { action, kind });
  }
  if (!rule.from.includes(status)) {
    throw new Conflict('INVALID_STATUS_TRANSITION', `A ${status} ${kindLabels[kind].toLowerCase()} cannot be ${verbs[action]}.`, { action, status });
  }
}
