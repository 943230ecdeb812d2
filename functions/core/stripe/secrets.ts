import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod/mini';
import { type Config, config, region } from '../config.ts';

export interface StripeSecrets {
  /** The platform's secret (or restricted) key: every call, on every connected account, is made with it. */
  secretKey: string;
  /** The Connect webhook endpoint's signing secret. */
  webhookSecret: string;
}

/** The secret's value, as the operator puts it (README, Deploying). */
const SecretValue = /* @__PURE__ */ z.lazy(() =>
  z.object({ secretKey: z.string().check(z.regex(/^(sk|rk)_(test|live)_\w+$/)), webhookSecret: z.string().check(z.regex(/^whsec_\w+$/)) }),
);

let secretsManager: SecretsManagerClient | undefined;
// Per configuration: one per container in Lambda; locally, functions with different environments share the process.
const loaded = new WeakMap<Config<'stripe'>, Promise<StripeSecrets>>();

/**
 * The platform's Stripe keys, the one place they are read: from Secrets
 * Manager once per cold start (a failed read is retried by the next call),
 * or, when STRIPE_SECRETS_ARN is `local`, from the local runtime's variables.
 * Neither the keys nor the secret's value are ever logged or put in an error.
 */
export function stripeSecrets(): Promise<StripeSecrets> {
  const section = config('stripe');
  let secrets = loaded.get(section);
  if (!secrets) {
    secrets = (section.STRIPE_SECRETS_ARN === 'local' ? fromEnvironment(section) : fromSecretsManager(section.STRIPE_SECRETS_ARN)).catch((error: unknown) => {
      loaded.delete(section);
      throw error;
    });
    loaded.set(section, secrets);
  }
  return secrets;
}

async function fromEnvironment({ STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret }: Config<'stripe'>): Promise<StripeSecrets> {
  if (!secretKey || !webhookSecret)
    throw new Error(
      'The Stripe platform keys are not configured: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required when STRIPE_SECRETS_ARN is "local".',
    );
  return { secretKey, webhookSecret };
}

async function fromSecretsManager(secretArn: string): Promise<StripeSecrets> {
  secretsManager ??= new SecretsManagerClient({ region: region() });
  const { SecretString } = await secretsManager.send(new GetSecretValueCommand({ SecretId: secretArn }));
  let value: unknown;
  try {
    value = JSON.parse(SecretString ?? '');
  } catch {
    value = undefined;
  }
  const parsed = SecretValue.safeParse(value);
  // Only the fields' names: the value is a secret, even when malformed.
  if (!parsed.success)
    throw new Error(
      `The Stripe secret is not set as { "secretKey": "sk_…", "webhookSecret": "whsec_…" } (see README, Deploying): ${parsed.error.issues.map((issue) => issue.path.join('.') || 'value').join(', ')}`,
    );
  return parsed.data;
}
