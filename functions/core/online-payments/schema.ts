import * as z from 'zod/mini';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));
/** Minor units of the documents' currency; the balances, when absent. */
const amount = /* @__PURE__ */ z.lazy(() =>
  z.optional(
    z
      .number()
      .check(
        z.int(),
        z.positive(),
        z.maximum(99_999_999_999),
        z.describe(
          "What to pay now, an integer in minor units of the documents' currency; default: the whole balance. Spread over the documents oldest due date first.",
        ),
      ),
  ),
);

/** Most documents one payment may settle. */
export const MAX_CHECKOUT_DOCUMENTS = 20;

export const CheckoutBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ amount }));

export const MultiCheckoutBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    docIds: z.array(id).check(
      z.minLength(1),
      z.maxLength(MAX_CHECKOUT_DOCUMENTS),
      z.refine((docIds) => new Set(docIds).size === docIds.length, 'Each document may be named once.'),
    ),
    amount,
  }),
);

export const CheckoutParams = /* @__PURE__ */ z.lazy(() =>
  z.object({
    portalName: z.string().check(z.minLength(1), z.maxLength(100)),
    sessionId: z.string().check(z.minLength(1), z.maxLength(255)),
  }),
);

/** Where Stripe sends the person back to: `return` after paying, `cancel` after leaving; anything else is the portal's HTML 404. */
export const PaymentPageParams = /* @__PURE__ */ z.lazy(() =>
  z.object({ portalName: z.string().check(z.minLength(1), z.maxLength(100)), outcome: z.string().check(z.maxLength(40)) }),
);

export const PaymentParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, paymentId: id }));

/** The page a Stripe onboarding link returns to: `<orgId>.<secret>` and `return` or `refresh`; anything else is its HTML 404. */
export const OnboardingPageParams = /* @__PURE__ */ z.lazy(() =>
  z.object({
    state: z.string().check(z.minLength(1), z.maxLength(200)),
    outcome: z.string().check(z.maxLength(40)),
  }),
);

/** Without an amount, what is left to refund of the payment. */
export const RefundBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    amount: z.optional(
      z.number().check(z.int(), z.positive(), z.describe("An integer in minor units of the payment's currency; default: all that is left to refund.")),
    ),
  }),
);

export type RefundInput = z.infer<typeof RefundBody>;
