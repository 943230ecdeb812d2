import * as z from 'zod/mini';
import { DateInput } from '../shapes.ts';

const currency = z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 code such as EUR.')));

export const AgingQuery = z.object({ asOf: z.optional(DateInput) });
export const StatementQuery = z.object({ from: z.optional(DateInput), to: z.optional(DateInput), currency });

export type StatementRange = z.infer<typeof StatementQuery>;
