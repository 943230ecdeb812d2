import { clock } from '../clock.ts';
import { log } from '../log.ts';
import { listAccountEvents } from '../stripe/events.ts';
import { releaseAbandonedReservations } from './refund-reservations.ts';
import { getAccountLink, getLastReconciliation, listAccountLinks, putReconciliation } from './repository.ts';
import { applyStripeEvent, handledEventTypes } from './stripe-events.ts';

/** How far back a first run looks; later runs start a little before the last one began, so nothing between two runs is missed. */
const FIRST_RUN_LOOKBACK_MS = 3 * 24 * 60 * 60 * 1000;
const OVERLAP_MS = 5 * 60 * 1000;

/**
 * Catches up on deliveries Stripe never made (or Portico never answered):
 * lists each connected account's recent events and applies them through the
 * webhook's own path, whose dedupe makes what was already applied a no-op;
 * then gives back refund reservations of requests that died before Stripe
 * refunded. Every linked account, or only those named.
 */
export async function reconcileStripeEvents(accountIds?: string[]): Promise<{ accounts: number; applied: number; failed: number }> {
  let applied = 0;
  let failed = 0;
  const accounts = accountIds ?? (await listAccountLinks()).map((link) => link.accountId);
  for (const accountId of accounts) {
    // One account's failure (revoked access, a Stripe outage for it) never stops the others; the error log raises the alarm.
    try {
      applied += await reconcileAccount(accountId);
    } catch (error) {
      failed++;
      log.error('reconciliation of a connected account failed; the others go on', { accountId, error: String(error) });
    }
  }
  return { accounts: accounts.length, applied, failed };
}

/** One connected account's catch-up, from its last run (or three days back). */
export async function reconcileAccount(accountId: string): Promise<number> {
  const startedAt = clock.now();
  const since = await getLastReconciliation(accountId);
  const createdFrom = new Date(since ? since.getTime() - OVERLAP_MS : startedAt.getTime() - FIRST_RUN_LOOKBACK_MS);
  const types = new Set(handledEventTypes());
  let applied = 0;
  let startingAfter: string | undefined;
  do {
    const page = await listAccountEvents(accountId, { createdFrom, limit: 100, ...(startingAfter && { startingAfter }) });
    // The list is newest first; the order of application does not matter, the dedupe does.
    for (const event of page.events.filter((each) => types.has(each.type))) {
      if ((await applyStripeEvent({ ...event, account: accountId })) === 'applied') applied++;
    }
    startingAfter = page.hasMore ? page.events.at(-1)?.id : undefined;
  } while (startingAfter);
  const link = await getAccountLink(accountId);
  if (link) await releaseAbandonedReservations(link.orgId, accountId);
  await putReconciliation(accountId, startedAt);
  if (applied > 0) log.warn('reconciliation applied events the webhook had missed', { accountId, applied });
  return applied;
}
