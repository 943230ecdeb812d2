import * as z from 'zod/mini';

/** YYYY-MM-DD. */
export const IsoDate = /* @__PURE__ */ z.lazy(() => z.iso.date());

/**
 * The dates a request may bring, everywhere one enters: 1900 to 2199. Years
 * 0000–0099 read as 19xx in `Date.UTC`, and absurd years broke statements and
 * aging for good.
 */
export const DATE_RANGE = { first: '1900-01-01', last: '2199-12-31' } as const;
export const DateInput = /* @__PURE__ */ z.lazy(() =>
  z.iso
    .date()
    .check(z.refine((date) => date >= DATE_RANGE.first && date <= DATE_RANGE.last, `Expected a date from ${DATE_RANGE.first} to ${DATE_RANGE.last}.`)),
);

/**
 * The largest amount of money anything holds, in minor units: a document's
 * total, a payment, a contact's credit (9,999,999,999.99 in a two-decimal
 * currency). Far below 2^53, so sums over thousands of them stay exact.
 */
export const MAX_AMOUNT = 999_999_999_999;
/** A positive amount a request brings, in minor units. */
export const AmountInput = /* @__PURE__ */ z.lazy(() =>
  z
    .int()
    .check(
      z.positive(),
      z.maximum(MAX_AMOUNT),
      z.describe("A positive integer in minor units of the document's currency: `5000` in EUR is 50.00 EUR; at most 999,999,999,999."),
    ),
);
/** An instant, as `clock.iso()` writes it. */
export const Timestamp = /* @__PURE__ */ z.lazy(() => z.iso.datetime());
/** Integer minor units of the currency alongside. */
export const Money = /* @__PURE__ */ z.lazy(() =>
  z.int().register(z.globalRegistry, { description: 'An integer in minor units of the currency alongside: `12345` in EUR is 123.45 EUR, in JPY 12,345 JPY.' }),
);

/** One page of a list: every list answers this shape. */
export const page = <Item extends z.ZodMiniType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()).register(z.globalRegistry, { description: 'Pass as `cursor` for the next page; null on the last page.' }),
  });

/** The most items one page of any list holds, and how many unless asked. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
export const pageLimit = /* @__PURE__ */ z.lazy(() =>
  z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE), z.describe(`Items per page, 1–${MAX_PAGE_SIZE}; default ${DEFAULT_PAGE_SIZE}.`)),
    DEFAULT_PAGE_SIZE,
  ),
);
export const pageCursor = /* @__PURE__ */ z.lazy(() =>
  z.optional(z.string().check(z.maxLength(2048), z.describe("The previous page's `nextCursor`; omit for the first page."))),
);
/** The query of every list: `?limit=&cursor=`. */
export const ListQuery = /* @__PURE__ */ z.lazy(() => z.object({ limit: pageLimit, cursor: pageCursor }));
export type ListInput = z.infer<typeof ListQuery>;

/** The body of every error a function answers (errors.ts, http/middleware.ts). */
export const ErrorResponse = /* @__PURE__ */ z.lazy(() =>
  z.object({
    error: z.object({
      code: z.string().register(z.globalRegistry, { description: 'SNAKE_CASE, stable: what clients branch on' }),
      message: z.string(),
      details: z.optional(z.unknown()),
    }),
  }),
);

/** The OpenAPI document: generated from the route table, so nothing in it is data to hold back. */
export const ApiDescription = /* @__PURE__ */ z.lazy(() =>
  z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
);

// C0 and C1 controls (NUL, CR, LF, tab, escape…) and the bidi embeddings, overrides and isolates that reorder what follows them.
const LINE_BREAKS = /[\t\n\v\f\r\u0085]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: names must not carry them.
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** A name on one line: breaks and tabs become spaces, other control and bidi characters are dropped. */
export const singleLine = (value: string): string => value.replace(LINE_BREAKS, ' ').replace(CONTROLS, '');

/**
 * An organization's, contact's or person's name as it enters: one line, no
 * control or bidi characters (they forge lines in emails and reverse text in
 * portals and PDFs), trimmed, 1 to `max` characters.
 */
export const NameInput = (max = 200) => z.string().check(z.overwrite(singleLine), z.trim(), z.minLength(1), z.maxLength(max));
