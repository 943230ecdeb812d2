import type { StaffContext } from '../access/context.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { organizationLanguage } from '../contacts/language.ts';
import { LANGUAGES, type Language } from '../i18n/languages.ts';
import { parseTemplateKey, placeholdersOf, type TemplateKey, templateKeys } from './catalog.ts';
import { defaultTemplate } from './defaults.ts';
import * as overrides from './repository.ts';
import type { TemplateQueryInput } from './schema.ts';

const placeholderList = (key: TemplateKey) => Object.entries(placeholdersOf(key)).map(([name, { description, sample }]) => ({ name, description, sample }));

export const templateView = (key: TemplateKey, language: Language, override: overrides.TemplateOverride | undefined) => {
  const { subject, html, text } = override ?? defaultTemplate(key, language);
  return {
    key,
    language,
    customized: override !== undefined,
    subject,
    html,
    text,
    placeholders: placeholderList(key),
    updatedAt: override?.updatedAt ?? null,
  };
};

/** The language a template request means: the one it names, else the organization's. */
export const templateLanguage = (caller: StaffContext, query: TemplateQueryInput): Language => query.language ?? organizationLanguage(caller.organization);

/** Every template of the catalog, with the languages the organization customized it in. */
export async function listTemplates(caller: StaffContext) {
  const saved = await overrides.listOverrides(caller.orgId);
  const own = organizationLanguage(caller.organization);
  return {
    items: templateKeys.map((key) => {
      const customizedLanguages = LANGUAGES.filter((language) => saved.some((override) => override.key === key && overrides.languageOf(override) === language));
      return { key, customized: customizedLanguages.includes(own), customizedLanguages, placeholders: placeholderList(key) };
    }),
    nextCursor: null,
  };
}

/** The template mail in a language uses: the organization's override in that language, or that language's default. */
export async function readTemplate(caller: StaffContext, rawKey: string, query: TemplateQueryInput) {
  const key = parseTemplateKey(rawKey);
  const language = templateLanguage(caller, query);
  return templateView(key, language, await overrides.getOverride(caller.orgId, key, language));
}

/** Drops the override in a language: that language's default applies again. */
export async function resetTemplate(caller: StaffContext, rawKey: string, query: TemplateQueryInput): Promise<void> {
  const key = parseTemplateKey(rawKey);
  const language = templateLanguage(caller, query);
  await commit([
    overrides.deleteOverrideStep(caller.orgId, key, language),
    auditStep(caller.orgId, caller, 'email_template.reset', { type: 'email_template', id: `${key}/${language}` }),
  ]);
}
