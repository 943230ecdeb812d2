import { defaultMailLimits, type MailLimits } from '../../functions/core/email/limits.ts';
import { mailLimitsFrom } from '../../lib/mail-limits-context.ts';

/** The runtime's variables that set the daily mail limits locally (`MAIL_LIMIT_NEW_ORGANIZATION=5 npm start`), as the stack's context does in AWS. */
const localVariableOf = {
  mailLimitNewOrganization: 'MAIL_LIMIT_NEW_ORGANIZATION',
  mailLimitOrganization: 'MAIL_LIMIT_ORGANIZATION',
  mailLimitPerSender: 'MAIL_LIMIT_PER_SENDER',
};

export function localMailLimits(): MailLimits {
  return { ...defaultMailLimits, ...mailLimitsFrom((name) => process.env[localVariableOf[name as keyof typeof localVariableOf]]) };
}
