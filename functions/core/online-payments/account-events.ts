import type Stripe from 'stripe';
import { StaleWrite } from '../errors.ts';
import { log } from '../log.ts';
import { retrying } from '../retry.ts';
import { retrieveConnectedAccount } from '../stripe/accounts.ts';
import { withAccountState } from './connection.ts';
import type { StripeEventContext } from './context.ts';
import { finishEvent } from './finish-event.ts';
import { getConnection, replaceConnectionStep } from './repository.ts';

/**
 * `account.updated`: the connection's `chargesEnabled`/`detailsSubmitted`,
 * read from Stripe now rather than from the event, so an older event
 * delivered late never turns a newer state back.
 */
export async function accountUpdated(context: StripeEventContext): Promise<void> {
  const accountId = (context.event.data.object as Stripe.Account).id;
  await retrying(
    async () => {
      const connection = await getConnection(context.orgId);
      if (!connection || connection.accountId !== accountId) {
        log.warn('account.updated for an account this organization is not connected to; nothing changed', { orgId: context.orgId, eventId: context.event.id });
        return;
      }
      const next = withAccountState(connection, await retrieveConnectedAccount(accountId));
      await finishEvent(context, next ? [replaceConnectionStep(next, connection.version)] : []);
    },
    { retryOn: (error) => error instanceof StaleWrite, attempts: 3 },
  );
}
