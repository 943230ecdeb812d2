import type { MailLimits } from '../functions/core/email/limits.ts';

/** The context keys an operator sets the daily mail limits with: `cdk deploy -c mailLimitNewOrganization=2000`. */
export const mailLimitContextKeys = {
  newOrganization: 'mailLimitNewOrganization',
  organization: 'mailLimitOrganization',
  perSender: 'mailLimitPerSender',
} as const satisfies Record<keyof MailLimits, string>;

/** The limits the context sets; a value that is not a positive whole number stops the synth rather than deploying a typo. */
export function mailLimitsFrom(context: (name: string) => string | undefined): Partial<MailLimits> {
  const limits: Partial<MailLimits> = {};
  for (const [limit, name] of Object.entries(mailLimitContextKeys) as [keyof MailLimits, string][]) {
    const value = context(name);
    if (value === undefined) continue;
    if (!/^[1-9]\d*$/.test(String(value))) throw new Error(`Context ${name} must be a positive whole number of emails per day, not "${value}".`);
    limits[limit] = Number(value);
  }
  return limits;
}
