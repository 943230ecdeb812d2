import { AsyncLocalStorage } from 'node:async_hooks';
import * as z from 'zod/mini';

/**
 * Configuration: one section per need (see needs.ts), read from the function's
 * environment once per section and validated. Each Lambda receives only the
 * variables of its needs, so sections are built and parsed on first use.
 */
const optionalUrl = /* @__PURE__ */ z.lazy(() => z.optional(z.url()));
const count = /* @__PURE__ */ z.lazy(() => z.string().check(z.regex(/^[1-9]\d*$/)));

const sections = {
  table: z.lazy(() =>
    z.object({
      TABLE_NAME: z.string().check(z.minLength(3)),
      DYNAMODB_ENDPOINT: optionalUrl,
    }),
  ),
  portalPool: z.lazy(() =>
    z.object({
      PORTAL_USER_POOL_ID: z.string().check(z.minLength(1)),
      PORTAL_CLIENT_ID: z.string().check(z.minLength(1)),
      COGNITO_ENDPOINT: optionalUrl,
      /** Attempts one source address may make at the portals' sign-in routes per window; locally high, since every test signs in from the loopback address. */
      PORTAL_ATTEMPTS_PER_ADDRESS: z.optional(z.string().check(z.regex(/^[1-9]\d*$/))),
    }),
  ),
  /** Staff enrol TOTP with their own access token: no admin calls, only the pool (and locally its emulator). */
  staffPool: z.lazy(() =>
    z.object({
      STAFF_USER_POOL_ID: z.string().check(z.minLength(1)),
      COGNITO_ENDPOINT: optionalUrl,
    }),
  ),
  email: z.lazy(() =>
    z.object({
      EMAIL_FROM: z.string().check(z.minLength(3)),
      /** Every mail is sent through it: SES reports bounces and complaints of its mail to Portico (docs/mail-and-limits.md). */
      SES_CONFIGURATION_SET: z.string().check(z.minLength(1)),
      SES_ENDPOINT: optionalUrl,
    }),
  ),
  /** Daily mail limits the operator sets (docs/mail-and-limits.md); the stack's context fills them, defaults in email/limits.ts. */
  mailLimits: z.lazy(() =>
    z.object({
      MAIL_DAILY_LIMIT_NEW_ORGANIZATION: count,
      MAIL_DAILY_LIMIT_ORGANIZATION: count,
      MAIL_DAILY_LIMIT_PER_SENDER: count,
    }),
  ),
  web: z.lazy(() =>
    z.object({
      /** Public base of portal links: the API's domain in AWS, the local gateway locally. */
      PUBLIC_BASE_URL: z.url(),
      /**
       * The staff web app, where links in mail to staff lead (a document, the Stripe settings, a team
       * invitation): stack context `staffAppUrl`, default `<PUBLIC_BASE_URL>/staff`; locally `<api>/staff`.
       * Without a trailing slash, so paths are appended as they are.
       */
      STAFF_APP_URL: z.url().check(z.refine((url) => !url.endsWith('/'), 'Expected no trailing slash.')),
    }),
  ),
  /**
   * Online payments. In AWS the platform keys are read from the Secrets Manager
   * secret STRIPE_SECRETS_ARN names (functions/core/stripe/secrets.ts), never
   * from the environment. The optional variables are local only: the Stripe
   * double's address and the keys themselves, used when STRIPE_SECRETS_ARN is
   * `local` (the local runtime's value, which no ARN can be).
   */
  stripe: z.lazy(() =>
    z.object({
      STRIPE_SECRETS_ARN: z.string().check(z.regex(/^(arn:aws[\w-]*:secretsmanager:[\w-]+:\d{12}:secret:.+|local)$/)),
      STRIPE_API_URL: optionalUrl,
      STRIPE_SECRET_KEY: z.optional(z.string().check(z.regex(/^(sk|rk)_(test|live)_\w+$/))),
      STRIPE_WEBHOOK_SECRET: z.optional(z.string().check(z.regex(/^whsec_\w+$/))),
    }),
  ),
  /** Outgoing webhooks: https only, to public addresses; the local runtime alone also accepts plain-http loopback receivers. */
  outgoingWebhooks: z.lazy(() =>
    z.object({
      WEBHOOKS_ALLOW_LOOPBACK_HTTP: z.optional(z.enum(['true'])),
    }),
  ),
  /**
   * The private bucket uploaded logos go to (docs/branding.md): a presigned POST puts an upload under
   * `uploads/`, a confirmed logo lives under `logos/`. S3_ENDPOINT is local only (the S3 double).
   */
  logoBucket: z.lazy(() =>
    z.object({
      LOGO_BUCKET: z.string().check(z.minLength(3), z.maxLength(63)),
      S3_ENDPOINT: optionalUrl,
    }),
  ),
  /**
   * Where an effect that kept failing goes: DEAD_LETTER_QUEUES is a JSON object
   * of effect name → SQS queue URL. Locally it is `{}` and DEAD_LETTERS_FILE
   * names the JSON Lines file the local runtime keeps its dead letters in.
   */
  deadLetters: z.lazy(() =>
    z.object({
      DEAD_LETTER_QUEUES: z.string().check(z.minLength(2)),
      DEAD_LETTERS_FILE: z.optional(z.string().check(z.minLength(1))),
    }),
  ),
};

type Sections = typeof sections;
export type SectionName = keyof Sections;
export type Config<S extends SectionName> = z.infer<Sections[S]>;
export type Environment = Record<string, string | undefined>;

// Locally every function shares one process: the runtime runs each invocation in its function's own environment.
const scoped = new AsyncLocalStorage<Environment>();
const parsed = new WeakMap<Environment, Map<SectionName, unknown>>();

/** Runs `run` (an invocation) with `environment` in place of process.env for config. */
export const withEnvironment = <T>(environment: Environment, run: () => T): T => scoped.run(environment, run);

export function config<S extends SectionName>(section: S): Config<S> {
  const environment = scoped.getStore() ?? process.env;
  let cache = parsed.get(environment);
  if (!cache) {
    cache = new Map();
    parsed.set(environment, cache);
  }
  if (!cache.has(section)) {
    const result = sections[section].safeParse(environment);
    if (!result.success) {
      const missing = result.error.issues.map((issue) => issue.path.join('.')).join(', ');
      throw new Error(`Configuration section "${section}" is invalid: ${missing}`);
    }
    cache.set(section, result.data);
  }
  return cache.get(section) as Config<S>;
}

export const region = () => process.env.AWS_REGION ?? 'us-east-1';
