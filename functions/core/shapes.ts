import * as z from 'zod/mini';

/** YYYY-MM-DD. */
export const IsoDate = z.iso.date();
/** An instant, as `clock.iso()` writes it. */
export const Timestamp = z.iso.datetime();
/** Integer minor units of the currency alongside. */
export const Money = z.int();

/** One page of a list: every list answers this shape. */
export const page = <Item extends z.ZodMiniType>(item: Item) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** The body of every error a function answers (errors.ts, http/middleware.ts). */
export const ErrorResponse = z.object({
  error: z.object({
    code: z.string().register(z.globalRegistry, { description: 'SNAKE_CASE, stable: what clients branch on' }),
    message: z.string(),
    details: z.optional(z.unknown()),
  }),
});

/** The OpenAPI document: generated from the route table, so nothing in it is data to hold back. */
export const ApiDescription = z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });
