import * as z from 'zod/mini';

/**
 * Configuration, read from the environment once per section and validated.
 * Each Lambda receives only the variables of the sections it is bound to
 * (see lib/handler-function.ts), so sections are parsed on first use.
 */
const optionalUrl = z.optional(z.url());

const sections = {
  table: z.object({
    TABLE_NAME: z.string().check(z.minLength(3)),
    DYNAMODB_ENDPOINT: optionalUrl,
  }),
  portalPool: z.object({
    PORTAL_USER_POOL_ID: z.string().check(z.minLength(1)),
    PORTAL_CLIENT_ID: z.string().check(z.minLength(1)),
    COGNITO_ENDPOINT: optionalUrl,
  }),
  email: z.object({
    EMAIL_FROM: z.string().check(z.minLength(3)),
    SES_ENDPOINT: optionalUrl,
  }),
  web: z.object({
    /** Public base of portal links: the API's domain in AWS, the local gateway locally. */
    PUBLIC_BASE_URL: z.url(),
  }),
  stripe: z.object({
    /** The local Stripe double; unset in AWS, where the SDK talks to api.stripe.com. */
    STRIPE_API_URL: optionalUrl,
  }),
  /** Read only through `stripeSecrets()` (functions/core/stripe/secrets.ts): in AWS they will come from Secrets Manager. */
  stripeKeys: z.object({
    STRIPE_SECRET_KEY: z.string().check(z.regex(/^(sk|rk)_(test|live)_\w+$/)),
    STRIPE_WEBHOOK_SECRET: z.string().check(z.regex(/^whsec_\w+$/)),
  }),
};

type Sections = typeof sections;
export type SectionName = keyof Sections;
export type Config<S extends SectionName> = z.infer<Sections[S]>;

const cache = new Map<SectionName, unknown>();

export function config<S extends SectionName>(section: S): Config<S> {
  if (!cache.has(section)) {
    const parsed = sections[section].safeParse(process.env);
    if (!parsed.success) {
      const missing = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
      throw new Error(`Configuration section "${section}" is invalid: ${missing}`);
    }
    cache.set(section, parsed.data);
  }
  return cache.get(section) as Config<S>;
}

export const region = () => process.env.AWS_REGION ?? 'us-east-1';
