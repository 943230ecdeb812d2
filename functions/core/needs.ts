import type { SectionName } from './config.ts';

/**
 * What a function can be bound to. Each need is one config section (its
 * variables and their schema, config.ts); lib/needs-binding.ts gives the same
 * keys their values and IAM grants in AWS, scripts/local/function-environment.ts
 * their local values. A need has a level where its grants differ by use.
 */
interface Levels {
  table: 'read' | 'readwrite';
  portalPool: true;
  staffPool: true;
  email: true;
  /** Builds portal URLs. */
  web: true;
  /** Calls Stripe with the platform's keys. */
  stripe: true;
  /** Delivers outgoing webhooks (the destination policy). */
  outgoingWebhooks: true;
  /** Sends an effect that kept failing to its dead-letter queue. */
  deadLetters: true;
}

export type NeedName = SectionName;
export type Needs = { [N in NeedName]?: Levels[N] };

/** The needs a function is bound to, in a stable order. */
export const needNames = (needs: Needs): NeedName[] => (Object.keys(needs) as NeedName[]).filter((name) => needs[name] !== undefined).sort();
