import { invalidRequest, StripeApiError } from './errors.ts';
import type { FormParams } from './form.ts';
import type { Owner } from './objects.ts';

export interface SavedResponse {
  status: number;
  body: string;
}

interface Saved extends SavedResponse {
  fingerprint: string;
}

/**
 * Stripe's idempotent requests: a key is scoped to the account it was used on;
 * the same key with the same parameters replays the first response, with other
 * parameters it is a 400 `idempotency_error`. Only completed requests are kept:
 * a request refused for its parameters saves nothing, as on Stripe.
 */
export class IdempotencyKeys {
  private readonly saved = new Map<string, Saved>();

  /** The response to replay, if this key was used before with these parameters. */
  replay(owner: Owner, key: string, method: string, path: string, params: FormParams): SavedResponse | undefined {
    if (key.length > 255) throw invalidRequest('Idempotency keys can be at most 255 characters long.', undefined, 'Idempotency-Key');
    const saved = this.saved.get(scope(owner, key));
    if (!saved) return undefined;
    if (saved.fingerprint !== fingerprint(method, path, params)) {
      throw new StripeApiError(
        400,
        'idempotency_error',
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return saved;
  }

  save(owner: Owner, key: string, method: string, path: string, params: FormParams, response: SavedResponse) {
    this.saved.set(scope(owner, key), { ...response, fingerprint: fingerprint(method, path, params) });
  }
}

const scope = (owner: Owner, key: string) => `${owner ?? 'platform'} ${key}`;

/** Parameters compared by value, whatever order they were sent in. */
const fingerprint = (method: string, path: string, params: FormParams) => `${method} ${path} ${canonical(params)}`;

function canonical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
    .join(',')}}`;
}
