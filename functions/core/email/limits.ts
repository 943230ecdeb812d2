import { dateIn } from '../calendar.ts';
import { type Config, config } from '../config.ts';
import type { Organization } from '../orgs/schema.ts';

/**
 * Emails one organization, and one sending account, may send per UTC day.
 * A new business invites and bills a few hundred customers on its first day
 * (each person gets an invitation and a document email), so a new
 * organization may send 1,000 a day; an established one 10,000. A staff user
 * may send 2,000 a day across all their organizations, so one sign-up that
 * creates many organizations does not multiply its mail. The operator changes
 * these per deployment (stack context, or the local runtime's variables) and
 * raises one organization with `npm run mail-limit` (docs/mail-and-limits.md).
 */
export const defaultMailLimits = { newOrganization: 1_000, organization: 10_000, perSender: 2_000 } as const;
export type MailLimits = { -readonly [K in keyof typeof defaultMailLimits]: number };

/** An organization counts as new for its first week: the cheapest spam source is a fresh sign-up. */
export const NEW_ORGANIZATION_DAYS = 7;
const DAY_MS = 86_400_000;

/** The variables that carry the limits to a function (`mailLimits` need). */
export function mailLimitVariables(limits: MailLimits): Config<'mailLimits'> {
  return {
    MAIL_DAILY_LIMIT_NEW_ORGANIZATION: String(limits.newOrganization),
    MAIL_DAILY_LIMIT_ORGANIZATION: String(limits.organization),
    MAIL_DAILY_LIMIT_PER_SENDER: String(limits.perSender),
  };
}

/** The limits this function was deployed with. */
export function configuredMailLimits(): MailLimits {
  const variables = config('mailLimits');
  return {
    newOrganization: Number(variables.MAIL_DAILY_LIMIT_NEW_ORGANIZATION),
    organization: Number(variables.MAIL_DAILY_LIMIT_ORGANIZATION),
    perSender: Number(variables.MAIL_DAILY_LIMIT_PER_SENDER),
  };
}

/** The organization's daily limit: the operator's own figure for it when set, else by its age. */
export function organizationDailyLimit(organization: Pick<Organization, 'createdAt'>, raisedTo: number | undefined, now: Date): number {
  if (raisedTo !== undefined) return raisedTo;
  const limits = configuredMailLimits();
  return now.getTime() - Date.parse(organization.createdAt) < NEW_ORGANIZATION_DAYS * DAY_MS ? limits.newOrganization : limits.organization;
}

/**
 * A sending account's limit for mail of one organization: its own, or the
 * organization's when the operator trusted that one with more, so a raised
 * organization is not held back by its staff's personal limit.
 */
export const senderDailyLimit = (organizationLimit: number): number => Math.max(configuredMailLimits().perSender, organizationLimit);

/** The UTC day a mail is counted in (a platform limit, the same for every organization whatever its time zone), and when the next one starts. */
export const mailDay = (now: Date) => dateIn('UTC', now);
export const nextWindow = (now: Date): string => new Date(Date.parse(`${mailDay(now)}T00:00:00Z`) + DAY_MS).toISOString();
