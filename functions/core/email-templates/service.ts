import type { StaffContext } from '../access/context.ts';
import { clock } from '../clock.ts';
import { parseTemplateKey, placeholdersOf, sampleValuesOf, type TemplateKey, templateKeys } from './catalog.ts';
import { defaultTemplate } from './defaults.ts';
import { renderBusinessTemplate, renderTemplate, type TemplateParts, validateTemplate } from './render.ts';
import * as overrides from './repository.ts';
import { sanitizeTemplateHtml, savedHrefAllowed } from './sanitize.ts';
import type { PreviewInput, TemplateInput } from './schema.ts';

const placeholderList = (key: TemplateKey) => Object.entries(placeholdersOf(key)).map(([name, { description, sample }]) => ({ name, description, sample }));

const templateView = (key: TemplateKey, override: overrides.TemplateOverride | undefined) => {
  const { subject, html, text } = override ?? defaultTemplate(key);
  return { key, customized: override !== undefined, subject, html, text, placeholders: placeholderList(key), updatedAt: override?.updatedAt ?? null };
};

/** Every template of the catalog, with whether the organization customized it. */
export async function listTemplates(caller: StaffContext) {
  const customized = new Set((await overrides.listOverrides(caller.orgId)).map((override) => override.key));
  return { items: templateKeys.map((key) => ({ key, customized: customized.has(key), placeholders: placeholderList(key) })), nextCursor: null };
}

/** The template the organization's emails use: its override, or the default. */
export async function readTemplate(caller: StaffContext, rawKey: string) {
  const key = parseTemplateKey(rawKey);
  return templateView(key, await overrides.getOverride(caller.orgId, key));
}

/**
 * Saves an override after checking its sizes, syntax and placeholders (422
 * otherwise). Its HTML is stored cut to the safe subset: unsafe markup and links
 * other than the platform's URL placeholders are removed, not refused, and the
 * answer shows what was kept.
 */
export async function saveTemplate(caller: StaffContext, rawKey: string, input: TemplateInput) {
  const key = parseTemplateKey(rawKey);
  validateTemplate(key, input);
  const override = { key, ...input, html: sanitizeTemplateHtml(input.html, savedHrefAllowed), updatedAt: clock.iso() };
  await overrides.putOverride(caller.orgId, override);
  return templateView(key, override);
}

/** Drops the override: the default applies again. */
export async function resetTemplate(caller: StaffContext, rawKey: string): Promise<void> {
  await overrides.deleteOverride(caller.orgId, parseTemplateKey(rawKey));
}

/** Renders the current template, or the given parts over it, with sample values unless values are given. */
export async function previewTemplate(caller: StaffContext, rawKey: string, input: PreviewInput) {
  const key = parseTemplateKey(rawKey);
  const override = await overrides.getOverride(caller.orgId, key);
  const current: TemplateParts = override ?? defaultTemplate(key);
  const template = { subject: input.subject ?? current.subject, html: input.html ?? current.html, text: input.text ?? current.text };
  validateTemplate(key, template);
  const render = override !== undefined || input.html !== undefined ? renderBusinessTemplate : renderTemplate;
  const { subject, html, text } = render(template, { ...sampleValuesOf(key), ...input.values });
  return { key, subject, html, text };
}
