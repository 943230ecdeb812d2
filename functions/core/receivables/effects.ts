import type { EffectsOf } from '../outbox/consumer.ts';
import { applyAggregateDeltas } from './aggregate-repository.ts';
import { aggregateDeltas } from './aggregates.ts';

/** The receivables effect: each change of a document's open amount, added to the organization's and the contact's aggregates once. */
export const receivablesEffects: EffectsOf<'receivables'> = {
  'receivable.changed': async (event) => {
    await applyAggregateDeltas(event.orgId, event.id, aggregateDeltas(event.data));
  },
};
