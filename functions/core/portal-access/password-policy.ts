import { passwordPolicy } from '../../../lib/settings/user-pools.ts';
import { Unprocessable } from '../errors.ts';

const rules = [
  { holds: (password: string) => password.length >= passwordPolicy.minLength, says: `at least ${passwordPolicy.minLength} characters` },
  { holds: (password: string) => password.length <= 256, says: 'at most 256 characters' },
  { holds: (password: string) => !passwordPolicy.requireLowercase || /[a-z]/.test(password), says: 'a lowercase letter' },
  { holds: (password: string) => !passwordPolicy.requireUppercase || /[A-Z]/.test(password), says: 'an uppercase letter' },
  { holds: (password: string) => !passwordPolicy.requireDigits || /[0-9]/.test(password), says: 'a digit' },
  { holds: (password: string) => !passwordPolicy.requireSymbols || /[^A-Za-z0-9\s]/.test(password), says: 'a symbol' },
  { holds: (password: string) => password.trim() === password, says: 'no leading or trailing spaces' },
];

export const weakPassword = (unmet: string[]) => new Unprocessable('WEAK_PASSWORD', `The password must have ${unmet.join(', ')}.`, { unmet });

/**
 * The pool's policy, checked before Cognito sees the password: the same 422
 * on AWS and locally, where cognito-local does not enforce the policy.
 */
export function assertPasswordPolicy(password: string): void {
  const unmet = rules.filter((rule) => !rule.holds(password)).map((rule) => rule.says);
  if (unmet.length > 0) throw weakPassword(unmet);
}
