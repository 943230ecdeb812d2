import * as z from 'zod/mini';
import { actorRef, systemActor } from '../core/access/actor.ts';
import { log, withLogContext } from '../core/log.ts';
import { withMetrics } from '../core/metrics-flush.ts';
import { reconcileStripeEvents } from '../core/online-payments/reconcile.ts';

/** The schedule sends `{}`; an operator may invoke it by hand with `{ "accountId": "acct_…" }` to catch up one account now. */
const ReconcileInput = z.object({ accountId: z.optional(z.string().check(z.regex(/^acct_\w+$/))) });

/** EventBridge Scheduler's run: the events themselves are applied as Stripe's (`system/stripe`), whoever fetched them. */
export const handler = (event: unknown) =>
  withLogContext(() =>
    withMetrics(async () => {
      const { accountId } = ReconcileInput.parse(event ?? {});
      log.bind({ actor: actorRef(systemActor('scheduler')).id });
      const result = await reconcileStripeEvents(accountId ? [accountId] : undefined);
      log.info('Stripe reconciliation finished', result);
      return result;
    }),
  );
