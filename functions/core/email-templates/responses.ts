import * as z from 'zod/mini';
import { page, Timestamp } from '../shapes.ts';
import { templateKeys } from './catalog.ts';

const Placeholder = z.object({ name: z.string(), description: z.string(), sample: z.string() });

/** A template of the catalog: which placeholders it may use, and whether the organization customized it. */
export const TemplateSummary = z.object({ key: z.enum(templateKeys), customized: z.boolean(), placeholders: z.array(Placeholder) });

export const TemplateSummaryPage = page(TemplateSummary);

/** The template the organization's emails use: its override, or the default (`updatedAt` null). */
export const EmailTemplate = z.extend(TemplateSummary, { subject: z.string(), html: z.string(), text: z.string(), updatedAt: z.nullable(Timestamp) });

/** A rendering with sample or given values. */
export const TemplatePreview = z.pick(EmailTemplate, { key: true, subject: true, html: true, text: true });
