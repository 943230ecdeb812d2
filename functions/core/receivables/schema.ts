import * as z from 'zod/mini';

const currency = z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as EUR.')));

export const AgingQuery = z.object({ asOf: z.optional(z.iso.date()) });
export const StatementQuery = z.object({ from: z.optional(z.iso.date()), to: z.optional(z.iso.date()), currency });

export type StatementRange = z.infer<typeof StatementQuery>;
