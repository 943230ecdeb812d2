import type Stripe from 'stripe';
import { systemActor } from '../access/actor.ts';

/** One Stripe event, with the organization its connected account is linked to: the only tenant it may touch. */
export interface StripeEventContext {
  orgId: string;
  /** The organization's IANA time zone: money Stripe moves is dated on its calendar (`todayIn`). */
  timeZone: string;
  accountId: string;
  event: Stripe.Event;
}

/** Every change Stripe's events make is the system's, never a fake staff member's. */
export const stripeActor = systemActor('stripe');

/** Codes of `Conflict`s a handler treats as "already done" or "lost a race, read again". */
export const hasCode = (error: unknown, code: string) => error instanceof Error && 'code' in error && error.code === code;
