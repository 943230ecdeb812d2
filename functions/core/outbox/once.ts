import { keys } from '../db/keys.ts';
import { claimEffect, completeEffect, releaseEffect } from './effect-repository.ts';
import type { OutboxEvent } from './events.ts';

/** Another delivery of the same event holds the effect: this record fails and is retried once that settles. */
export class EffectInProgress extends Error {
  override name = 'EffectInProgress';
}

/**
 * Runs one effect of an event (one recipient's email) unless it already ran:
 * claim its marker, run, mark done. A failed run releases the claim, so the
 * retry runs it again. A run that crashed between the effect and the mark
 * keeps its claim until the lease lapses; then a redelivery runs it again:
 * at least once, a rare duplicate rather than a lost email.
 */
export async function once(event: Pick<OutboxEvent, 'orgId' | 'id'>, effect: string, recipient: string, run: () => Promise<void>): Promise<'ran' | 'skipped'> {
  const key = keys.effect(event.orgId, event.id, effect, recipient);
  const claim = await claimEffect(key);
  if (claim === 'done') return 'skipped';
  if (claim === 'held') throw new EffectInProgress(`${effect} of ${event.id} is claimed by another delivery.`);
  try {
    await run();
  } catch (error) {
    await releaseEffect(key);
    throw error;
  }
  await completeEffect(key);
  return 'ran';
}
