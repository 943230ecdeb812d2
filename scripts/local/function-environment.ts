import { type Config, type Environment, withEnvironment } from '../../functions/core/config.ts';
import { mailLimitVariables } from '../../functions/core/email/limits.ts';
import { isolateInvocations } from '../../functions/core/invocation-scope.ts';
import { type NeedName, type Needs, needNames } from '../../functions/core/needs.ts';
import type { LocalState } from './local-state.ts';
import { localMailLimits } from './mail-limits.ts';

/** The local services functions are pointed at. */
export type LocalServices = Pick<LocalState, 'apiUrl' | 'sesUrl' | 'sesFaultsUrl' | 'cognito' | 'dynamodb' | 'stripe' | 's3' | 'consumers'>;

/** Each need's variables locally: what lib/needs-binding.ts sets in AWS, plus the emulators' endpoints. */
const localVariables = (services: LocalServices): { [N in NeedName]: Config<N> } => ({
  table: { TABLE_NAME: services.dynamodb.tableName, DYNAMODB_ENDPOINT: services.dynamodb.endpoint },
  portalPool: {
    PORTAL_USER_POOL_ID: services.cognito.portal.userPoolId,
    PORTAL_CLIENT_ID: services.cognito.portal.clientId,
    COGNITO_ENDPOINT: services.cognito.endpoint,
    PORTAL_ATTEMPTS_PER_ADDRESS: '100000',
  },
  staffPool: { STAFF_USER_POOL_ID: services.cognito.staff.userPoolId, COGNITO_ENDPOINT: services.cognito.endpoint },
  // Mail passes the fault switch on its way to the emulator, so tests can make a send fail (ses-faults.ts).
  email: { EMAIL_FROM: 'Portico <no-reply@portico.test>', SES_CONFIGURATION_SET: 'portico-local', SES_ENDPOINT: services.sesFaultsUrl },
  mailLimits: mailLimitVariables(localMailLimits()),
  // The staff web app is not part of this repository: links in mail to staff point where it would be served.
  web: { PUBLIC_BASE_URL: services.apiUrl, STAFF_APP_URL: `${services.apiUrl}/staff` },
  stripe: {
    STRIPE_SECRETS_ARN: 'local',
    STRIPE_API_URL: services.stripe.apiUrl,
    STRIPE_SECRET_KEY: 'sk_test_local',
    STRIPE_WEBHOOK_SECRET: services.stripe.webhookSecret,
  },
  outgoingWebhooks: { WEBHOOKS_ALLOW_LOOPBACK_HTTP: 'true' },
  logoBucket: { LOGO_BUCKET: services.s3.logoBucket, S3_ENDPOINT: services.s3.endpoint },
  // Effects that kept failing go to the same file as the lane's own dead letters.
  deadLetters: { DEAD_LETTER_QUEUES: '{}', DEAD_LETTERS_FILE: services.consumers.deadLetters },
});

/** The environment of a function with these needs, against the local services: its needs' variables and nothing else. */
export function localEnvironment(needs: Needs, services: LocalServices): Environment {
  const variables = localVariables(services);
  return Object.assign({}, ...needNames(needs).map((name) => variables[name]));
}

/** Runs one invocation of a function with these needs. */
export type InvokeWithEnvironment = <T>(needs: Needs, invoke: () => T) => T;

/**
 * How the local runtime invokes any function (a route's or a stream
 * consumer's): with only its needs' variables, as in Lambda, so a function
 * missing a need fails here exactly as in AWS. One environment per set of
 * needs, so config parses each section once per function, as in a container.
 */
export function environmentInvoker(services: LocalServices): InvokeWithEnvironment {
  // Invocations run side by side in this one process: each keeps its own deadline and log fields.
  isolateInvocations();
  const environments = new Map<string, Environment>();
  return (needs, invoke) => {
    const key = JSON.stringify(needNames(needs).map((name) => [name, needs[name]]));
    if (!environments.has(key)) environments.set(key, localEnvironment(needs, services));
    return withEnvironment(environments.get(key)!, invoke);
  };
}
