import type { StaffContext } from '../access/context.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { parseTemplateKey, sampleValuesOf } from './catalog.ts';
import { defaultTemplate } from './defaults.ts';
import { renderBusinessTemplate, renderTemplate, type TemplateParts, validateTemplate } from './render.ts';
import * as overrides from './repository.ts';
import { sanitizeTemplateHtml, savedHrefAllowed } from './sanitize.ts';
import type { PreviewInput, TemplateInput, TemplateQueryInput } from './schema.ts';
import { templateLanguage, templateView } from './service.ts';

// Saving and previewing render HTML through the sanitizer: apart from reading (service.ts), so only their function loads it.

/**
 * Saves an override after checking its sizes, syntax and placeholders (422
 * otherwise). Its HTML is stored cut to the safe subset: unsafe markup and links
 * other than the platform's URL placeholders are removed, not refused, and the
 * answer shows what was kept.
 */
export async function saveTemplate(caller: StaffContext, rawKey: string, query: TemplateQueryInput, input: TemplateInput) {
  const key = parseTemplateKey(rawKey);
  const language = templateLanguage(caller, query);
  validateTemplate(key, input);
  const override = { key, language, ...input, html: sanitizeTemplateHtml(input.html, savedHrefAllowed), updatedAt: clock.iso() };
  await commit([
    overrides.putOverrideStep(caller.orgId, override),
    auditStep(caller.orgId, caller, 'email_template.saved', { type: 'email_template', id: `${key}/${language}` }),
  ]);
  return templateView(key, language, override);
}

/** Renders the current template, or the given parts over it, with sample values unless values are given. */
export async function previewTemplate(caller: StaffContext, rawKey: string, query: TemplateQueryInput, input: PreviewInput) {
  const key = parseTemplateKey(rawKey);
  const language = templateLanguage(caller, query);
  const override = await overrides.getOverride(caller.orgId, key, language);
  const current: TemplateParts = override ?? defaultTemplate(key, language);
  const template = { subject: input.subject ?? current.subject, html: input.html ?? current.html, text: input.text ?? current.text };
  validateTemplate(key, template);
  const render = override !== undefined || input.html !== undefined ? renderBusinessTemplate : renderTemplate;
  const { subject, html, text } = render(template, { ...sampleValuesOf(key), ...input.values });
  return { key, subject, html, text };
}
