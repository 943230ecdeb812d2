import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(64));

export const PaymentParams = z.object({ orgId: id, paymentId: id });

/** Without an amount, what is left to refund of the payment. */
export const RefundBody = z.strictObject({ amount: z.optional(z.number().check(z.int(), z.positive())) });

export type RefundInput = z.infer<typeof RefundBody>;
