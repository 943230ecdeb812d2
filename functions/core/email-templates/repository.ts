import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allPages } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import type { Language } from '../i18n/languages.ts';
import type { TemplateKey } from './catalog.ts';
import type { TemplateParts } from './render.ts';

export interface TemplateOverride extends TemplateParts {
  key: TemplateKey;
  /** Absent on overrides saved before templates had languages: those are English. */
  language?: Language;
  updatedAt: string;
}

/** The language an override is written in. */
export const languageOf = (override: TemplateOverride): Language => override.language ?? 'en';

/** The organization's override of one template in one language, if it has one. */
export async function getOverride(orgId: string, key: TemplateKey, language: Language): Promise<TemplateOverride | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.emailTemplate(orgId, key, language) }));
  return Item ? withoutKeys<TemplateOverride>(Item) : undefined;
}

/** Which templates, in which languages, has the organization overridden? */
export async function listOverrides(orgId: string): Promise<TemplateOverride[]> {
  const { PK, SKPrefix } = keys.emailTemplatePrefix(orgId);
  const overrides: TemplateOverride[] = [];
  for await (const page of allPages({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': PK, ':prefix': SKPrefix },
  })) {
    overrides.push(...(page.Items ?? []).map((item) => withoutKeys<TemplateOverride>(item)));
  }
  return overrides;
}

/** Saves (replaces) the organization's override of a template in its language. */
export function putOverrideStep(orgId: string, override: TemplateOverride): TransactionStep {
  return {
    write: { Put: { TableName: tableName(), Item: { ...keys.emailTemplate(orgId, override.key, languageOf(override)), type: 'emailTemplate', ...override } } },
  };
}

/** Removes an override: the default of that language applies again. */
export function deleteOverrideStep(orgId: string, key: TemplateKey, language: Language): TransactionStep {
  return { write: { Delete: { TableName: tableName(), Key: keys.emailTemplate(orgId, key, language) } } };
}
