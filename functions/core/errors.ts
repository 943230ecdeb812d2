/**
 * Typed domain errors. Domain code throws these; the HTTP layer maps them to
 * `{ error: { code, message, details? } }` with their status, in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export class BadRequest extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(400, code, message, details);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'Authentication is required.', code = 'UNAUTHORIZED') {
    super(401, code, message);
  }
}

export class Forbidden extends DomainError {
  constructor(code: string, message: string) {
    super(403, code, message);
  }
}

/** Also what a caller gets for another tenant's resource: existence is never leaked. */
export class NotFound extends DomainError {
  constructor(what: string, code = 'NOT_FOUND') {
    super(404, code, `${what} was not found.`);
  }
}

export class MethodNotAllowed extends DomainError {
  readonly headers: Record<string, string>;
  constructor(allowed: string[]) {
    super(405, 'METHOD_NOT_ALLOWED', `Allowed methods: ${allowed.join(', ')}.`, { allowed });
    this.headers = { allow: allowed.join(', ') };
  }
}

export class Conflict extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(409, code, message, details);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(limitBytes: number) {
    super(413, 'PAYLOAD_TOO_LARGE', `The request body exceeds ${limitBytes} bytes.`);
  }
}

export class Unprocessable extends DomainError {
  constructor(code: string, message: string, details?: unknown) {
    super(422, code, message, details);
  }
}

/** A write lost a race against another writer of the same item. */
export class StaleWrite extends Conflict {
  constructor(what: string) {
    super('CONCURRENT_MODIFICATION', `${what} was changed by another request; reload and try again.`);
  }
}

/** Cognito's throttling or lockout of repeated attempts, passed on as it is. */
export class TooManyRequests extends DomainError {
  readonly headers: Record<string, string>;
  /** `retryAfter`: seconds until attempts are counted afresh, when we know (our own throttles; Cognito does not say). */
  constructor(retryAfter?: number, message = 'Too many attempts; wait a while and try again.') {
    super(429, 'TOO_MANY_ATTEMPTS', message, retryAfter === undefined ? undefined : { retryAfter });
    this.headers = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  }
}

/** A service we depend on (Stripe) is unreachable, failing or throttling us: worth retrying later, not the caller's fault. */
export class UpstreamUnavailable extends DomainError {
  constructor(service: string) {
    super(503, 'UPSTREAM_UNAVAILABLE', `${service} is not answering right now; try again in a moment.`, { service });
  }
}

/** The organization, or the staff user who sends, sent as many emails today as it may (email/limits.ts); this one is not sent now. */
export class MailCapReached extends DomainError {
  readonly headers: Record<string, string>;
  constructor(scope: 'organization' | 'sender', limit: number, resetsAt: string, now: Date) {
    const who = scope === 'organization' ? 'This organization has' : 'You have';
    super(429, 'MAIL_CAP_REACHED', `${who} sent the ${limit} emails allowed per day; more can be sent from ${resetsAt}.`, { scope, limit, resetsAt });
    this.headers = { 'retry-after': String(Math.max(1, Math.ceil((Date.parse(resetsAt) - now.getTime()) / 1000))) };
  }
}
