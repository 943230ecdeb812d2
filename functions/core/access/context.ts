import type { Contact, Person } from '../contacts/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import type { PortalPerson, StaffMember } from './actor.ts';

/** A signed-in staff user, before any organization is involved (creating or listing organizations). */
export interface StaffUser {
  staffId: string;
  email: string | undefined;
  /** The pool verified that the user owns `email` (the token's `email_verified`). */
  emailVerified: boolean;
  /** When the user signed in (the token's `auth_time`, epoch seconds): a refreshed token keeps it. */
  authTime: number | undefined;
}

/** A staff member acting in one organization, with the organization read alongside the membership. */
export interface StaffContext extends StaffMember {
  organization: Organization;
  /** This sign-in used the user's TOTP (staff-mfa/policy.ts). */
  secondFactor: boolean;
}

/** A portal person with what their request was authorized against: the portal, their contact and person. */
export interface PortalContext extends PortalPerson {
  portalName: string;
  organization: Organization;
  contact: Contact;
  person: Person;
}
