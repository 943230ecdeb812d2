import { describe, expect, it } from 'vitest';
import { config, withEnvironment } from '../../functions/core/config.ts';
import { stripeSecrets } from '../../functions/core/stripe/secrets.ts';

const local = { STRIPE_SECRETS_ARN: 'local', STRIPE_SECRET_KEY: 'sk_test_unit', STRIPE_WEBHOOK_SECRET: 'whsec_unit' };

describe('stripeSecrets', () => {
  it('reads the local keys when the secret is "local", once per configuration', async () => {
    const environment = { ...local };
    const first = withEnvironment(environment, () => stripeSecrets());
    expect(await first).toEqual({ secretKey: 'sk_test_unit', webhookSecret: 'whsec_unit' });
    expect(withEnvironment(environment, () => stripeSecrets())).toBe(first);
  });

  it('refuses a missing or malformed secret ARN, naming the variable and not its value', async () => {
    for (const environment of [
      { STRIPE_SECRET_KEY: 'sk_test_unit', STRIPE_WEBHOOK_SECRET: 'whsec_unit' },
      { ...local, STRIPE_SECRETS_ARN: 'sk_test_not_an_arn' },
    ]) {
      await expect(withEnvironment(environment, async () => stripeSecrets())).rejects.toThrow(
        /^Configuration section "stripe" is invalid: STRIPE_SECRETS_ARN$/,
      );
    }
  });

  it('refuses "local" without both keys', async () => {
    await expect(withEnvironment({ STRIPE_SECRETS_ARN: 'local', STRIPE_SECRET_KEY: 'sk_test_unit' }, async () => stripeSecrets())).rejects.toThrow(
      'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are required when STRIPE_SECRETS_ARN is "local"',
    );
  });

  it('takes an ARN of a Secrets Manager secret', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:StripeSecrets-AbCdEf';
    // The section accepts it; the read itself needs AWS (the stack test checks the binding and its grant).
    expect(withEnvironment({ STRIPE_SECRETS_ARN: arn }, () => config('stripe').STRIPE_SECRETS_ARN)).toBe(arn);
  });
});
