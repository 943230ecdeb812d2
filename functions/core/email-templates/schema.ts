import * as z from 'zod/mini';
import { LanguageInput } from '../contacts/schema.ts';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));

export const TemplateParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, key: z.string().check(z.minLength(1), z.maxLength(64)) }));

/** Which language's template: each language is customized on its own; without one, the organization's language. */
export const TemplateQuery = /* @__PURE__ */ z.lazy(() => z.object({ language: z.optional(LanguageInput) }));
export type TemplateQueryInput = z.infer<typeof TemplateQuery>;

/** Sizes and placeholders are checked by validateTemplate (422); here only the shape. */
export const TemplateBody = /* @__PURE__ */ z.lazy(() => z.strictObject({ subject: z.string(), html: z.string(), text: z.string() }));

export const PreviewBody = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    subject: z.optional(z.string()),
    html: z.optional(z.string()),
    text: z.optional(z.string()),
    values: z.optional(z.record(z.string(), z.string())),
  }),
);

export type TemplateInput = z.infer<typeof TemplateBody>;
export type PreviewInput = z.infer<typeof PreviewBody>;
