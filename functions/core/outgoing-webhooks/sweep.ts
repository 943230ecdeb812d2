import { attemptDelivery } from './delivery.ts';
import { dueDeliveries, getDelivery } from './repository.ts';

/** Deliveries taken per query; a run keeps taking until none is due or its time is nearly up. */
const BATCH = 25;

/**
 * Attempts again every delivery whose next attempt is due by `asOf`, found in
 * the sparse retry index (no Scan). Attempts are conditional on the attempts
 * seen, so overlapping runs never send one attempt twice.
 */
export async function retryDueWebhooks(asOf: string, deadline: number): Promise<{ attempted: number }> {
  let attempted = 0;
  const seen = new Set<string>();
  while (Date.now() < deadline) {
    const due = (await dueDeliveries(asOf, BATCH)).filter((entry) => !seen.has(`${entry.orgId}/${entry.endpointId}/${entry.deliveryId}`));
    if (due.length === 0) break;
    for (const entry of due) {
      seen.add(`${entry.orgId}/${entry.endpointId}/${entry.deliveryId}`);
      const delivery = await getDelivery(entry.orgId, entry.endpointId, entry.deliveryId);
      if (delivery?.status !== 'pending' || !delivery.nextAttemptAt || delivery.nextAttemptAt > asOf) continue;
      if (await attemptDelivery(delivery)) attempted += 1;
    }
  }
  return { attempted };
}
