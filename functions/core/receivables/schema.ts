import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { MAX_PERSONS_PER_CONTACT } from '../contacts/schema.ts';
import { DateInput, ListQuery, pageCursor } from '../shapes.ts';

const currency = /* @__PURE__ */ z.lazy(() => z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as EUR.'))));

/** Lines per statement page: a page of the longest lines stays far below 100 KB. */
export const MAX_STATEMENT_LINES = 200;
export const DEFAULT_STATEMENT_LINES = 100;

export const AgingQuery = /* @__PURE__ */ z.lazy(() => z.object({ asOf: z.optional(DateInput) }));
export const StatementQuery = /* @__PURE__ */ z.lazy(() =>
  z.object({
    from: z.optional(DateInput),
    to: z.optional(DateInput),
    currency,
    limit: z._default(
      z.coerce
        .number()
        .check(
          z.int(),
          z.minimum(1),
          z.maximum(MAX_STATEMENT_LINES),
          z.describe(`Lines per page, 1–${MAX_STATEMENT_LINES}; default ${DEFAULT_STATEMENT_LINES}.`),
        ),
      DEFAULT_STATEMENT_LINES,
    ),
    cursor: pageCursor,
  }),
);

export type StatementRange = z.infer<typeof StatementQuery>;

/** A page of the receivables ledger as of a date: the list convention's `limit` and `cursor`. */
export const LedgerQuery = /* @__PURE__ */ z.lazy(() => z.object({ asOf: z.optional(DateInput), ...built(ListQuery).shape }));

/** Emailing a statement: the period and currency as the statement takes them, and whom to send it to. */
export const StatementEmailBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    from: z.optional(DateInput),
    to: z.optional(DateInput),
    currency,
    personIds: z.optional(
      z
        .array(z.string().check(z.minLength(1), z.maxLength(64)))
        .check(
          z.minLength(1),
          z.maxLength(MAX_PERSONS_PER_CONTACT),
          z.describe("The contact's persons to send it to; default every person whose address is not bouncing."),
        ),
    ),
  }),
);
export type StatementEmailInput = z.infer<typeof StatementEmailBody>;
