import { type TransactionStep, transact } from '../db/transact.ts';
import { hasCode, type StripeEventContext } from './context.ts';
import { ALREADY_APPLIED, markEventStep } from './repository.ts';

/**
 * Commits an event's own effect together with its dedupe marker. When the
 * effect was already made (by another event, or a concurrent copy of this
 * one: its step fails ALREADY_APPLIED), the event is only marked.
 */
export async function finishEvent(context: StripeEventContext, steps: TransactionStep[] = []): Promise<void> {
  try {
    await transact([...steps, markEventStep(context.orgId, context.event.id, context.event.type)]);
  } catch (error) {
    if (!hasCode(error, ALREADY_APPLIED)) throw error;
    if (steps.length > 0) await finishEvent(context);
  }
}
