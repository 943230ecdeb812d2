import type { Actor } from '../access/actor.ts';
import type { StaffRole } from '../access/roles.ts';

/**
 * Who made a change, as the audit trail keeps it: ids and a role, never a
 * name or an email. The trail is immutable and kept for as long as the books
 * are, so personal data written into it could never be corrected or erased;
 * ids keep it readable against the live data without holding any.
 */
export type AuditActor =
  | { type: 'staff'; id: string; role: StaffRole }
  | { type: 'portal'; id: string; contactId: string }
  /** Portico itself: `stripe` (a Stripe event, by webhook or reconciliation), `scheduler`, `outbox` (the consumer lane). */
  | { type: 'system'; id: 'stripe' | 'scheduler' | 'outbox' };

/** What a change was made to: the entity's type and id (`invoice` / `doc_…`, `contact` / `con_…`, `organization` / `org_…`). */
export interface AuditSubject {
  type: string;
  id: string;
}

/** One link of an organization's trail. `hash` is `entryHash` of the other six fields; `prevHash` the previous entry's `hash`. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: AuditActor;
  /** `<entity>.<what happened>`, e.g. `invoice.sent`, `member.role_changed`, `portal.renamed`. */
  action: string;
  subject: AuditSubject;
  prevHash: string;
  hash: string;
}

/** What a change says about itself; the chain gives it its place (`seq`, `prevHash`, `hash`). */
export interface AuditRecord {
  orgId: string;
  at: string;
  actor: AuditActor;
  action: string;
  subject: AuditSubject;
}

export function auditActor(actor: Actor): AuditActor {
  switch (actor.kind) {
    case 'staff':
      return { type: 'staff', id: actor.staffId, role: actor.role };
    case 'portal':
      return { type: 'portal', id: actor.personId, contactId: actor.contactId };
    case 'system':
      return { type: 'system', id: actor.name };
  }
}
