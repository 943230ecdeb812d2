/**
 * Every DynamoDB key is built here and nowhere else. Tenant data always starts
 * with `ORG#<orgId>`; the only global items are portal-name claims, which map a
 * public name to its organization.
 */
export type Key = { PK: string; SK: string };
/** One partition's items whose sort key starts with a prefix. */
export type KeyPrefix = { PK: string; SKPrefix: string };

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
  portalLoginPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'LOGIN#' }),

  /** A contact with its persons embedded. */
  contact: (orgId: string, contactId: string): Key => ({ PK: org(orgId), SK: `CONTACT#${contactId}` }),
  contactPrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'CONTACT#' }),

  /** A pending invitation, keyed by the SHA-256 of its token: the token itself is never stored. */
  invitation: (orgId: string, tokenHash: string): Key => ({ PK: org(orgId), SK: `INVITATION#${tokenHash}` }),

  /** A portal session, keyed by the SHA-256 of its refresh token. */
  portalSession: (orgId: string, refreshTokenHash: string): Key => ({ PK: org(orgId), SK: `SESSION#${refreshTokenHash}` }),

  /** A business's override of one email template. */
  emailTemplate: (orgId: string, templateKey: string): Key => ({ PK: org(orgId), SK: `EMAIL_TEMPLATE#${templateKey}` }),
  emailTemplatePrefix: (orgId: string): KeyPrefix => ({ PK: org(orgId), SKPrefix: 'EMAIL_TEMPLATE#' }),
};
