import { actorRef } from '../access/actor.ts';
import type { StaffContext, StaffUser } from '../access/context.ts';
import type { StaffRole } from '../access/roles.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import type { TransactionStep } from '../db/transact.ts';
import { requireMailAllowance } from '../email/cap.ts';
import { Conflict, Forbidden, NotFound } from '../errors.ts';
import { log } from '../log.ts';
import { listOrgActivity, orgActivityStep } from '../orgs/activity-repository.ts';
import {
  changeRoleStep,
  deleteMembershipStep,
  listMembers,
  listMembersPage,
  type Membership,
  putMembershipStep,
  stillOwnerStep,
} from '../orgs/membership-repository.ts';
import { hashOf, newSecret } from '../portal-access/secret-tokens.ts';
import type { ListInput } from '../shapes.ts';
import {
  consumeStaffInvitationStep,
  getStaffInvitation,
  invalidStaffInvitation,
  listStaffInvitations,
  putStaffInvitationStep,
  type StaffInvitation,
} from './invitation-repository.ts';
import { STAFF_INVITATION_DAYS, sendStaffInvitation } from './notify.ts';
import type { InviteMemberInput } from './schema.ts';

const isoOf = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();
const memberView = (member: Membership) => ({ staffId: member.staffId, email: member.email ?? null, role: member.role, createdAt: member.createdAt });
const invitationView = (invitation: StaffInvitation) => ({
  email: invitation.email,
  role: invitation.role,
  invitedAt: invitation.createdAt,
  validUntil: isoOf(invitation.expiresAt),
});

const lastOwner = () => new Conflict('LAST_OWNER', 'An organization keeps at least one owner: make another member owner first.');
const alreadyMember = () => new Conflict('ALREADY_MEMBER', 'This staff user is already a member of the organization.');

/** The team: a page of members, and with the first page the pending invitations. */
export async function listTeam(caller: StaffContext, list: ListInput) {
  const firstPage = list.cursor === undefined;
  const [members, invitations] = await Promise.all([
    listMembersPage(caller.orgId, list),
    firstPage ? listStaffInvitations(caller.orgId, clock.epochSeconds()) : [],
  ]);
  return { items: members.items.map(memberView), nextCursor: members.nextCursor, invitations: invitations.map(invitationView) };
}

/**
 * Invites an email into the team. The token is `<orgId>.<secret>`: the
 * organization part finds the invitation inside its tenant, the 32-byte
 * secret is stored only as a hash. The email carries the secret, so it is
 * sent here, after the commit, and the answer says whether it went.
 */
export async function inviteMember(caller: StaffContext, input: InviteMemberInput) {
  const members = await listMembers(caller.orgId);
  if (members.some((member) => member.email === input.email)) throw alreadyMember();
  await requireMailAllowance({ organization: caller.organization, senderId: caller.staffId }, 1);
  const { secret, hash } = newSecret();
  const now = clock.epochSeconds();
  const invitation: StaffInvitation = {
    tokenHash: hash,
    email: input.email,
    role: input.role,
    invitedBy: caller.staffId,
    createdAt: clock.iso(),
    expiresAt: now + STAFF_INVITATION_DAYS * 86_400,
  };
  await commit([
    putStaffInvitationStep(caller.orgId, invitation),
    // The invitation's id is the hash of its secret, as it is keyed: the email stays out of the trail.
    auditStep(caller.orgId, caller, 'member.invited', { type: 'staff_invitation', id: hash }),
    orgActivityStep(caller.orgId, {
      at: invitation.createdAt,
      actor: actorRef(caller),
      action: 'member.invited',
      subject: { email: input.email },
      details: { role: input.role },
    }),
  ]);
  let emailSent = true;
  try {
    await sendStaffInvitation(caller.organization, input.email, input.role, caller.email, `${caller.orgId}.${secret}`, caller.staffId);
  } catch (error) {
    log.error('staff invitation not sent', {}, error);
    emailSent = false;
  }
  return { ...invitationView(invitation), emailSent };
}

/**
 * A signed-in staff user accepts: their pool-verified email must be the
 * invited one. The invitation is used up in the same transaction that adds
 * the membership, so it works once.
 */
export async function acceptStaffInvitation(user: StaffUser, token: string) {
  const [orgId, secret] = token.split('.');
  if (!orgId || !secret) throw invalidStaffInvitation();
  const tokenHash = hashOf(secret);
  const now = clock.epochSeconds();
  const invitation = await getStaffInvitation(orgId, tokenHash);
  if (!invitation || invitation.expiresAt <= now) throw invalidStaffInvitation();
  if (!user.email || !user.emailVerified) throw new Forbidden('EMAIL_NOT_VERIFIED', 'Verify your email address before accepting an invitation.');
  if (user.email.toLowerCase() !== invitation.email) {
    throw new Forbidden('INVITATION_EMAIL_MISMATCH', 'This invitation was sent to another email address; sign in with that one.');
  }
  const membership: Membership = { orgId, staffId: user.staffId, role: invitation.role, email: invitation.email, createdAt: clock.iso() };
  await commit([
    consumeStaffInvitationStep(orgId, tokenHash, now),
    putMembershipStep(membership, alreadyMember),
    auditStep(orgId, { type: 'staff', id: user.staffId, role: invitation.role }, 'member.joined', memberSubject(user.staffId)),
    orgActivityStep(orgId, {
      at: membership.createdAt,
      actor: { type: 'staff', id: user.staffId, email: invitation.email },
      action: 'member.joined',
      subject: { staffId: user.staffId, email: invitation.email },
      details: { role: invitation.role },
    }),
  ]);
  return { organizationId: orgId, ...memberView(membership) };
}

const memberSubject = (staffId: string) => ({ type: 'member', id: staffId });

/** The member, and the steps that keep an owner when they stop being one. */
async function memberAndOwnerGuard(caller: StaffContext, staffId: string): Promise<{ member: Membership; keepOwner: TransactionStep[] }> {
  const members = await listMembers(caller.orgId);
  const member = members.find((candidate) => candidate.staffId === staffId);
  if (!member) throw new NotFound('Member');
  if (member.role !== 'owner') return { member, keepOwner: [] };
  const otherOwner = members.find((candidate) => candidate.role === 'owner' && candidate.staffId !== staffId);
  if (!otherOwner) throw lastOwner();
  return { member, keepOwner: [stillOwnerStep(otherOwner, lastOwner)] };
}

/** Changes a member's role; the last owner cannot be demoted. */
export async function changeMemberRole(caller: StaffContext, staffId: string, role: StaffRole) {
  const { member, keepOwner } = await memberAndOwnerGuard(caller, staffId);
  if (member.role === role) return memberView(member);
  await commit([
    changeRoleStep(member, role),
    auditStep(caller.orgId, caller, 'member.role_changed', memberSubject(staffId)),
    ...(role === 'owner' ? [] : keepOwner),
    orgActivityStep(caller.orgId, {
      at: clock.iso(),
      actor: actorRef(caller),
      action: 'member.role_changed',
      subject: { staffId, ...(member.email ? { email: member.email } : {}) },
      details: { role, previousRole: member.role },
    }),
  ]);
  return memberView({ ...member, role });
}

/** Removes a member (an owner may remove themselves); the last owner cannot leave. */
export async function removeMember(caller: StaffContext, staffId: string): Promise<void> {
  const { member, keepOwner } = await memberAndOwnerGuard(caller, staffId);
  await commit([
    deleteMembershipStep(member),
    auditStep(caller.orgId, caller, 'member.removed', memberSubject(staffId)),
    ...keepOwner,
    orgActivityStep(caller.orgId, {
      at: clock.iso(),
      actor: actorRef(caller),
      action: 'member.removed',
      subject: { staffId, ...(member.email ? { email: member.email } : {}) },
      details: { previousRole: member.role },
    }),
  ]);
}

/** The organization's own trail (team changes), oldest first. */
export const orgActivity = (caller: StaffContext, query: ListInput) => listOrgActivity(caller.orgId, query.limit, query.cursor);
