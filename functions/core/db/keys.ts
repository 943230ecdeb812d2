/**
 * Every DynamoDB key is built here and nowhere else. Tenant data always starts
 * with `ORG#<orgId>`; the only global items are portal-name claims, which map a
 * public name to its organization.
 */
export type Key = { PK: string; SK: string };

const org = (orgId: string) => `ORG#${orgId}`;
const staff = (staffId: string) => `STAFF#${staffId}`;

export const keys = {
  organization: (orgId: string): Key => ({ PK: org(orgId), SK: 'ORG' }),

  membership: (orgId: string, staffId: string): Key => ({ PK: org(orgId), SK: `MEMBER#${staffId}` }),
  /** GSI1 attributes of a membership: the organizations a staff user belongs to. */
  staffMembershipIndex: (staffId: string, orgId: string) => ({ GSI1PK: staff(staffId), GSI1SK: org(orgId) }),
  staffMembershipsPartition: (staffId: string) => ({ GSI1PK: staff(staffId) }),

  portalName: (name: string): Key => ({ PK: `PORTAL_NAME#${name}`, SK: 'PORTAL_NAME' }),

  /** One per person with portal access: resolves (organization, email) to the person at login. */
  portalLogin: (orgId: string, email: string): Key => ({ PK: org(orgId), SK: `LOGIN#${email.toLowerCase()}` }),
  portalLoginPrefix: (orgId: string) => ({ PK: org(orgId), SKPrefix: 'LOGIN#' }),
};
