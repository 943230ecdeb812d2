/** Stripe's error types, as its API answers them (the SDK picks its error class from the type and status). */
type ErrorType = 'invalid_request_error' | 'idempotency_error' | 'api_error';

/** An error answered as Stripe answers it: `{ error: { type, code?, message, param?, doc_url? } }`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }

  toJSON() {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code ? { code: this.code, doc_url: `https://stripe.com/docs/error-codes/${this.code.replaceAll('_', '-')}` } : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

export const invalidRequest = (message: string, code?: string, param?: string) => new StripeApiError(400, 'invalid_request_error', message, code, param);

export const resourceMissing = (objectName: string, id: string, param = 'id') =>
  new StripeApiError(404, 'invalid_request_error', `No such ${objectName}: '${id}'`, 'resource_missing', param);
