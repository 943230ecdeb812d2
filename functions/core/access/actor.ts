import type { StaffRole } from './roles.ts';

/** Who is acting. Services take an actor; only `http/` (and the consumer lane) resolve one. */
export type Actor = StaffMember | PortalPerson | SystemActor;

/** A staff user acting inside one organization they are a member of. */
export interface StaffMember {
  kind: 'staff';
  staffId: string;
  orgId: string;
  role: StaffRole;
  email: string | undefined;
}

export const portalPermissions = ['view', 'approve', 'pay'] as const;
export type PortalPermission = (typeof portalPermissions)[number];

/** A contact person signed in to their organization's portal; every id comes from the verified token. */
export interface PortalPerson {
  kind: 'portal';
  orgId: string;
  contactId: string;
  personId: string;
  name: string;
  permissions: readonly PortalPermission[];
}

/** Portico itself: a webhook, a schedule or the consumer lane, never a fake staff member. */
export interface SystemActor {
  kind: 'system';
  name: 'stripe' | 'scheduler' | 'outbox';
}

/** How an actor is written into activity entries and outbox events: enough to say who, no more. */
export type ActorRef =
  | { type: 'staff'; id: string; email?: string }
  | { type: 'portal'; id: string; name: string }
  | { type: 'system'; id: SystemActor['name'] };

export function actorRef(actor: Actor): ActorRef {
  switch (actor.kind) {
    case 'staff':
      return { type: 'staff', id: actor.staffId, ...(actor.email ? { email: actor.email } : {}) };
    case 'portal':
      return { type: 'portal', id: actor.personId, name: actor.name };
    case 'system':
      return { type: 'system', id: actor.name };
  }
}

export const systemActor = (name: SystemActor['name']): SystemActor => ({ kind: 'system', name });
