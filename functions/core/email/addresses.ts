import type { StaffContext } from '../access/context.ts';
import { NotFound } from '../errors.ts';
import type { ListInput } from '../shapes.ts';
import { clearUndeliverable, listUndeliverable } from './undeliverable.ts';

/** The addresses SES reported for the organization's mail, by address. */
export const undeliverableAddresses = (caller: StaffContext, query: ListInput) => listUndeliverable(caller.orgId, query);

/** Staff confirm an address SES reported (the customer fixed their mailbox): mail goes to it again. */
export async function confirmAddress(caller: StaffContext, email: string): Promise<void> {
  if (!(await clearUndeliverable(caller.orgId, email))) throw new NotFound('Undeliverable address');
}
