import type { StaffContext } from '../access/context.ts';
import { auditStep, commit } from '../audit/commit.ts';
import { parseTemplateKey, placeholdersOf, type TemplateKey, templateKeys } from './catalog.ts';
import { defaultTemplate } from './defaults.ts';
import * as overrides from './repository.ts';

const placeholderList = (key: TemplateKey) => Object.entries(placeholdersOf(key)).map(([name, { description, sample }]) => ({ name, description, sample }));

export const templateView = (key: TemplateKey, override: overrides.TemplateOverride | undefined) => {
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

/** Drops the override: the default applies again. */
export async function resetTemplate(caller: StaffContext, rawKey: string): Promise<void> {
  const key = parseTemplateKey(rawKey);
  await commit([overrides.deleteOverrideStep(caller.orgId, key), auditStep(caller.orgId, caller, 'email_template.reset', { type: 'email_template', id: key })]);
}
