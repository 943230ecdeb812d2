import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { BadRequest } from '../errors.ts';

// zod/mini ships without messages; English ones make the 400 details readable. Jitless: compiling a
// parser per schema on first use costs a cold start more than interpreting a request's few schemas.
z.config({ ...en(), jitless: true });

import type { Schema } from '../route-spec.ts';

export interface Issue {
  path: string;
  message: string;
}

/** Parses one part of a request; a violation is a 400 naming every failing field. */
export function parsePart<S extends Schema>(schema: S, value: unknown, part: 'body' | 'query' | 'params'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details: Issue[] = result.error.issues.map((issue) => ({
    path: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new BadRequest('VALIDATION_FAILED', `The request ${part} is invalid.`, details);
}
