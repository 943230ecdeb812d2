import * as z from 'zod/mini';

/**
 * A webhook delivery's body, as far as routing needs it; the handler verifies
 * the signature over the raw bytes and reads the event from them, never from this.
 */
export const StripeEventBody = z.object({ id: z.string(), type: z.string() });

/** What the webhook answers Stripe: any 2xx stops its retries; the outcome is for logs and tests. */
export const WebhookReceipt = z.object({ received: z.literal(true), outcome: z.enum(['applied', 'duplicate', 'ignored']) });

/** A refund Stripe accepted; the document's balance reopens when Stripe reports it done (`charge.refunded`). */
export const RefundRequested = z.object({ refundId: z.string(), status: z.literal('pending') });
