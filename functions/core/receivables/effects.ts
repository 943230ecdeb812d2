import type { EffectsOf } from '../outbox/consumer.ts';
import { applyShares } from './aggregate-repository.ts';

/** The receivables effect: each change of a document's open amount, brought into the organization's and the contact's aggregates once. */
export const receivablesEffects: EffectsOf<'receivables'> = {
  'receivable.changed': async ({ orgId, data }) => {
    const { docId, version, contactId, currency, after } = data;
    await applyShares(orgId, [{ docId, version, open: after && { contactId, currency, ...after } }]);
  },
};
