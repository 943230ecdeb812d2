import * as z from 'zod/mini';

/** The most entries one export call answers: about 2 MB of JSON lines, well inside a function's 6 MB response. */
export const MAX_EXPORT_LINES = 5_000;

const seq = /* @__PURE__ */ z.lazy(() => z.coerce.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)));

/** `?from=`: verify from this entry on, trusting the hash of the one before it (a checkpoint, or a `resumeFrom`) once it is recomputed. */
export const VerifyQuery = /* @__PURE__ */ z.lazy(() =>
  z.object({
    from: z
      .optional(seq)
      .register(z.globalRegistry, { description: 'Start at this `seq` (default 1): the entry before it is recomputed and its hash taken as the anchor.' }),
  }),
);

/** `?from=&limit=`: one slice of the trail, oldest first. */
export const ExportQuery = /* @__PURE__ */ z.lazy(() =>
  z.object({
    from: z._default(seq.check(z.describe('The first `seq` of the slice; default 1. The next slice starts after the last line.')), 1),
    limit: z._default(
      z.coerce
        .number()
        .check(z.int(), z.minimum(1), z.maximum(MAX_EXPORT_LINES), z.describe(`Lines per call, 1–${MAX_EXPORT_LINES}; default ${MAX_EXPORT_LINES}.`)),
      MAX_EXPORT_LINES,
    ),
  }),
);
