import * as z from 'zod/mini';
import { DateInput, pageCursor } from '../shapes.ts';

const currency = z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as EUR.')));

/** Lines per statement page: a page of the longest lines stays far below 100 KB. */
export const MAX_STATEMENT_LINES = 200;
export const DEFAULT_STATEMENT_LINES = 100;

export const AgingQuery = z.object({ asOf: z.optional(DateInput) });
export const StatementQuery = z.object({
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
});

export type StatementRange = z.infer<typeof StatementQuery>;
