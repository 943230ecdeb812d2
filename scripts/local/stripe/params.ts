import * as z from 'zod';
import { invalidRequest, type StripeApiError } from './errors.ts';
import type { FormParams } from './form.ts';

/** Form values arrive as strings; these read them as Stripe does. */
export const integer = z
  .string()
  .regex(/^-?\d+$/, 'parameter_invalid_integer')
  .transform(Number);
export const nonNegativeInteger = integer.refine((value) => value >= 0, 'parameter_invalid_integer');
export const positiveInteger = integer.refine((value) => value > 0, 'parameter_invalid_integer');
export const text = z.string().min(1, 'parameter_invalid_empty');
export const metadata = z.record(z.string().max(40), z.string().max(500)).refine((value) => Object.keys(value).length <= 50, 'Metadata can have up to 50 keys');

/** Stripe's name for a parameter path: `line_items[0][price_data][currency]`. */
export const paramName = (path: readonly PropertyKey[]) => path.map((segment, index) => (index === 0 ? String(segment) : `[${String(segment)}]`)).join('');

/** Parses request parameters with a strict schema, refusing as Stripe does: unknown, missing or invalid parameters are 400. */
export function parseParams<T extends z.ZodType>(schema: T, params: FormParams): z.infer<T> {
  const parsed = schema.safeParse(params, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw stripeError(parsed.error.issues[0]!);
}

function stripeError(issue: z.core.$ZodIssue): StripeApiError {
  if (issue.code === 'unrecognized_keys') {
    const param = paramName([...issue.path, issue.keys[0]!]);
    return invalidRequest(`Received unknown parameter: ${param}`, 'parameter_unknown', param);
  }
  const param = paramName(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) return invalidRequest(`Missing required param: ${param}.`, 'parameter_missing', param);
  if (issue.message.startsWith('parameter_')) return invalidRequest(`Invalid value for ${param}.`, issue.message, param);
  if (issue.code === 'invalid_value') return invalidRequest(`Invalid ${param}: must be one of ${issue.values.join(', ')}`, undefined, param);
  return invalidRequest(`Invalid ${param}: ${issue.message}`, undefined, param);
}
