import type { Double } from '../double.ts';
import { resourceMissing } from '../errors.ts';
import type { Account } from '../objects.ts';
import { change } from './changes.ts';

/**
 * What submitting the onboarding form does: the account can take charges and
 * pays out, and Connect hears `account.updated`. A second submission changes
 * nothing and emits nothing.
 */
export function completeOnboarding(double: Double, accountId: string, businessName?: string): Account {
  const account = double.store.locate('account', accountId)?.value;
  if (!account) throw resourceMissing('account', accountId);
  if (account.details_submitted) return account;
  const previous = change(account, (onboarded) => {
    onboarded.charges_enabled = true;
    onboarded.payouts_enabled = true;
    onboarded.details_submitted = true;
    onboarded.requirements = { currently_due: [], disabled_reason: null };
    if (businessName) onboarded.business_profile = { ...onboarded.business_profile, name: businessName };
  });
  double.events.emit(account.id, 'account.updated', account, previous);
  return account;
}
