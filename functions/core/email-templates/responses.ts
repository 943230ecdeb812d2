import * as z from 'zod/mini';
import { built } from '../built-schema.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { page, Timestamp } from '../shapes.ts';
import { templateKeys } from './catalog.ts';

const Placeholder = /* @__PURE__ */ z.lazy(() => z.object({ name: z.string(), description: z.string(), sample: z.string() }));

/** A template of the catalog: which placeholders it may use, and in which languages the organization customized it. */
export const TemplateSummary = /* @__PURE__ */ z.lazy(() =>
  z.object({
    key: z.enum(templateKeys),
    /** Customized in the organization's language. */
    customized: z.boolean(),
    customizedLanguages: z.array(z.enum(LANGUAGES)),
    placeholders: z.array(Placeholder),
  }),
);

export const TemplateSummaryPage = /* @__PURE__ */ z.lazy(() => page(TemplateSummary));

/** The template the organization's emails use: its override, or the default (`updatedAt` null). */
export const EmailTemplate = /* @__PURE__ */ z.lazy(() =>
  z.extend(z.omit(built(TemplateSummary), { customizedLanguages: true }), {
    /** The language of this template: mail to a reader of it uses this override, or that language's default. */
    language: z.enum(LANGUAGES),
    subject: z.string(),
    html: z.string(),
    text: z.string(),
    updatedAt: z.nullable(Timestamp),
  }),
);

/** A rendering with sample or given values. */
export const TemplatePreview = /* @__PURE__ */ z.lazy(() => z.pick(built(EmailTemplate), { key: true, subject: true, html: true, text: true }));
