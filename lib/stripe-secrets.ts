import { type Stack, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';

/**
 * The platform's Stripe keys, one JSON secret `{ secretKey, webhookSecret }`.
 * Created without its value: CloudFormation fills it with a random string that
 * is no key, and the operator puts the real value (README, Deploying), so the
 * keys are never in the template, the code or the functions' environment.
 */
export function createStripeSecrets(stack: Stack): Secret {
  const secret = new Secret(stack, 'StripeSecrets', {
    description: 'Portico: the Stripe platform secret key and the Connect webhook signing secret, as { "secretKey": "sk_…", "webhookSecret": "whsec_…" }',
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: "A Stripe key is rotated in Stripe's dashboard (which issues the new key), then put here; Secrets Manager cannot rotate it itself.",
  });
  return secret;
}
