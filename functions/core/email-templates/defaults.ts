import type { Language } from '../i18n/languages.ts';
import type { TemplateKey } from './catalog.ts';
import { defaultTemplates } from './defaults.generated.ts';
import type { TemplateParts } from './render.ts';

/**
 * The built-in template for a key in a language, used when a business has not
 * customised it in that language. Comes from a generated module (see
 * scripts/generate-email-templates.ts) because bundled Lambda handlers cannot
 * read templates/email/ at runtime.
 */
export function defaultTemplate(key: TemplateKey, language: Language = 'en'): TemplateParts {
  return defaultTemplates[language][key];
}
