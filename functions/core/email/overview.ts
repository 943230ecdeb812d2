import type { StaffContext } from '../access/context.ts';
import { mailUsage } from './cap.ts';
import { countWaiting, oldestWaiting } from './waiting-repository.ts';

const WAITING_SHOWN = 50;

/** Today's limit and use, and the mail waiting for the next window, oldest first. */
export async function mailOverview(caller: StaffContext) {
  const [limits, count, oldest] = await Promise.all([mailUsage(caller.organization), countWaiting(caller.orgId), oldestWaiting(caller.orgId, WAITING_SHOWN)]);
  return {
    limits,
    waiting: { count, items: oldest.map((mail) => ({ id: mail.id, template: mail.template, to: mail.to, queuedAt: mail.at })) },
  };
}
