import { administrators, owners } from '../core/access/roles.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';
import { JoinedOrganization, Member, OrgActivityPage, StaffInvitationSent, Team } from '../core/team/responses.ts';
import { AcceptStaffInvitationBody, ChangeRoleBody, InviteMemberBody, MemberParams } from '../core/team/schema.ts';

export const listMembersRoute = {
  entry: 'team/list-members',
  summary: "The organization's members, a page at a time, and its pending invitations",
  responses: { 200: Team },
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const inviteMemberRoute = {
  entry: 'team/invite-member',
  summary: 'Invite an email into the team with a role; the email carries a one-time link',
  responses: { 201: StaffInvitationSent },
  errors: [409, 429],
  auth: 'member',
  roles: owners,
  params: OrgParams,
  body: InviteMemberBody,
  needs: { table: 'readwrite', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const changeMemberRoleRoute = {
  entry: 'team/change-member-role',
  summary: "Change a member's role (the last owner stays owner)",
  responses: { 200: Member },
  errors: [409],
  auth: 'member',
  roles: owners,
  params: MemberParams,
  body: ChangeRoleBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const removeMemberRoute = {
  entry: 'team/remove-member',
  summary: 'Remove a member (the last owner cannot leave)',
  responses: { 204: null },
  errors: [409],
  auth: 'member',
  roles: owners,
  params: MemberParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const acceptStaffInvitationRoute = {
  entry: 'team/accept-staff-invitation',
  summary: "Join an organization with an invitation sent to the caller's verified email",
  responses: { 200: JoinedOrganization },
  errors: [403, 409, 422],
  auth: 'staff',
  body: AcceptStaffInvitationBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const listOrgActivityRoute = {
  entry: 'team/list-org-activity',
  summary: "The organization's activity: who joined, changed role or left, and who did it",
  responses: { 200: OrgActivityPage },
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

/** Staff members, roles, invitations and the organization's activity. */
export const routes = {
  'GET /v1/orgs/{orgId}/members': listMembersRoute,
  'POST /v1/orgs/{orgId}/members': inviteMemberRoute,
  'PATCH /v1/orgs/{orgId}/members/{staffId}': changeMemberRoleRoute,
  'DELETE /v1/orgs/{orgId}/members/{staffId}': removeMemberRoute,
  'POST /v1/staff-invitations/accept': acceptStaffInvitationRoute,
  'GET /v1/orgs/{orgId}/activity': listOrgActivityRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Team';
