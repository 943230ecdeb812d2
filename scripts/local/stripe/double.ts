import type { Deliveries } from './deliveries.ts';
import type { Events } from './events.ts';
import type { IdempotencyKeys } from './idempotency.ts';
import type { Store } from './store.ts';

/** Everything a request to the double works with. */
export interface Double {
  /** Where the double's own pages are: checkout and onboarding links point here. */
  baseUrl: string;
  store: Store;
  events: Events;
  deliveries: Deliveries;
  idempotency: IdempotencyKeys;
}
