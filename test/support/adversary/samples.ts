import * as z from 'zod/mini';
import type { Schema } from '../../../functions/core/route-spec.ts';

type JsonSchema = Record<string, any>;

/** A request part's schema as JSON Schema, the way the API description sees it. */
export const jsonSchemaOf = (schema: Schema | undefined): JsonSchema | undefined =>
  schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;

/** Values a field's name calls for, where its schema alone cannot say (a password the policy takes, a page that exists). */
const byName: Record<string, unknown> = {
  password: 'Probe-Password-1!',
  newPassword: 'Probe-Password-1!',
  page: 'documents',
  kind: 'invoice',
  code: '123456',
  token: 'x'.repeat(43),
  currency: 'EUR',
};

/**
 * A small valid value of a JSON Schema: required properties only, the first of
 * an enum or union, the least a bound allows. Good enough for a request to get
 * past validation, so what it refers to is actually looked up.
 */
export function sample(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return undefined;
  if (name in byName) return byName[name];
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if ('default' in schema && schema.default !== undefined) return schema.default;
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return sample(union.find((option: JsonSchema) => option.type !== 'null') ?? union[0], name);
  if (schema.allOf) return sample(schema.allOf[0], name);
  switch (schema.type) {
    case 'object': {
      const properties: Record<string, JsonSchema> = schema.properties ?? {};
      const required = new Set<string>(schema.required ?? []);
      return Object.fromEntries(
        Object.entries(properties)
          .filter(([key]) => required.has(key))
          .map(([key, value]) => [key, sample(value, key)]),
      );
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, name));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'email') return 'probe@example.test';
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T10:00:00.000Z';
      if (schema.format === 'uri') return 'https://example.test/';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return 'x';
  }
}

const segment = (json: string) => Buffer.from(json).toString('base64url');
/** What a forged or truncated token looks like: JWT-shaped with a payload that is not a claims object, or not JWT-shaped at all. */
export const malformedTokens = [
  'a.b.c',
  `x.${segment('null')}.y`,
  `x.${segment('[]')}.y`,
  `x.${segment('"text"')}.y`,
  `x.${segment('{')}.y`,
  '..',
  'a.b',
  'not a token',
];
/** Body fields that carry a credential: the fuzzing puts malformed tokens in them. */
export const tokenFields: ReadonlySet<string> = new Set(['accessToken', 'token', 'refreshToken', 'session']);
