import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { consumers } from '../../functions/core/consumers.ts';
import { stopChildren, stopChildrenOnExit } from './children.ts';
import { ensurePools } from './cognito-pools.ts';
import { ensureTable } from './dynamodb-table.ts';
import { environmentInvoker, type LocalServices } from './function-environment.ts';
import { startGateway } from './gateway.ts';
import { jwtAuthorizer } from './jwt-authorizer.ts';
import type { LocalState } from './local-state.ts';
import { assertPortFree, freePort, PortBusy } from './ports.ts';
import { startS3Double } from './s3/server.ts';
import { demo, ensureDemoOrganization, ensureStaffUser } from './seed.ts';
import { startCognito, startDynamoDb, startSes } from './services.ts';
import { startSesFaults } from './ses-faults.ts';
import { startConsumerLane } from './stream-poller.ts';
import { startStripeDouble } from './stripe/server.ts';
import { publishTo } from './topic-subscribers.ts';
import { usageMeter } from './usage-meter.ts';

const { values: args } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: false },
    'free-ports': { type: 'boolean', default: false },
    'state-file': { type: 'string', default: '.portico/local.json' },
    'data-dir': { type: 'string', default: '.portico' },
    verbose: { type: 'boolean', default: false },
    // Counts what the traffic would be billed for on AWS (the bench's cost of invoices); see usage-meter.ts.
    meter: { type: 'boolean', default: false },
  },
});

const TABLE_NAME = 'portico-local';

const portSettings = {
  api: { variable: 'PORTICO_API_PORT', fallback: 3000, service: 'local API gateway' },
  dynamodb: { variable: 'PORTICO_DYNAMODB_PORT', fallback: 8000, service: 'DynamoDB Local' },
  cognito: { variable: 'PORTICO_COGNITO_PORT', fallback: 9229, service: 'cognito-local' },
  ses: { variable: 'PORTICO_SES_PORT', fallback: 8005, service: 'aws-ses-v2-local' },
  stripe: { variable: 'PORTICO_STRIPE_PORT', fallback: 12111, service: 'local Stripe double' },
  s3: { variable: 'PORTICO_S3_PORT', fallback: 4569, service: 'local S3 double' },
} as const;

const LOGO_BUCKET = 'portico-logos-local';

async function choosePorts() {
  const ports = {} as Record<keyof typeof portSettings, number>;
  for (const [name, setting] of Object.entries(portSettings) as [keyof typeof portSettings, (typeof portSettings)[keyof typeof portSettings]][]) {
    if (args['free-ports']) {
      ports[name] = await freePort();
      continue;
    }
    ports[name] = Number(process.env[setting.variable] ?? setting.fallback);
    await assertPortFree(ports[name], setting.service, setting.variable);
  }
  return ports;
}

async function main() {
  // Local services accept any credentials; the SDK only needs some to sign with.
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  const scratchDir = mkdtempSync(join(tmpdir(), 'portico-'));
  let lane: { stop: () => void } | undefined;
  stopChildrenOnExit(() => {
    lane?.stop();
    rmSync(scratchDir, { recursive: true, force: true });
  });
  const ports = await choosePorts();
  const serviceOptions = { dataDir: args['in-memory'] ? undefined : resolve(args['data-dir']!), scratchDir, verbose: args.verbose! };

  const [dynamodbUrl, cognitoUrl, sesUrl] = await Promise.all([
    startDynamoDb(ports.dynamodb, serviceOptions),
    startCognito(ports.cognito, { ...serviceOptions, sesUrl: `http://127.0.0.1:${ports.ses}` }),
    startSes(ports.ses, serviceOptions),
  ]);
  const table = await ensureTable(dynamodbUrl, TABLE_NAME);
  const pools = await ensurePools(cognitoUrl);
  // SES's bounce and complaint reports reach the mail-feedback function as its topic would deliver them.
  const sesFaultsUrl = await startSesFaults(sesUrl, (message) => publishTo('mailFeedback', message, counted('consumer')));
  const apiUrl = `http://127.0.0.1:${ports.api}`;
  // Each run is a new webhook endpoint with its own signing secret, as on Stripe.
  const stripeWebhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  const stripe = await startStripeDouble({ port: ports.stripe, webhookUrl: `${apiUrl}/v1/webhooks/stripe`, webhookSecret: stripeWebhookSecret });
  const s3 = await startS3Double({ port: ports.s3, bucket: LOGO_BUCKET, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY! });
  // Dead letters are kept with the data, or discarded with it.
  const deadLetters = join(serviceOptions.dataDir ?? scratchDir, 'dead-letters.jsonl');
  const services: LocalServices = {
    apiUrl,
    sesUrl,
    sesFaultsUrl,
    cognito: { endpoint: cognitoUrl, staff: pools.staff, portal: pools.portal },
    dynamodb: { endpoint: dynamodbUrl, tableName: TABLE_NAME },
    stripe: { apiUrl: stripe.url, webhookSecret: stripeWebhookSecret },
    s3: { endpoint: s3.url, logoBucket: LOGO_BUCKET },
    consumers: { deadLetters },
  };

  // Functions run in this process, each invocation with only its own function's variables (see function-environment.ts).
  process.env.PORTICO_LOG = args.verbose ? 'on' : 'silent';
  const invokeWithEnvironment = environmentInvoker(services);
  const meter = args.meter ? usageMeter() : undefined;
  const counted = (kind: 'api' | 'consumer') => meter?.invoker(kind, invokeWithEnvironment) ?? invokeWithEnvironment;

  // Before the gateway: nothing a request writes may pass unread.
  lane = await startConsumerLane({
    endpoint: dynamodbUrl,
    streamArn: table.streamArn,
    startAt: table.created ? 'TRIM_HORIZON' : 'LATEST',
    deadLetters,
    invokeWithEnvironment: counted('consumer'),
  });

  await startGateway({
    port: ports.api,
    authorizers: {
      staff: await jwtAuthorizer(cognitoUrl, pools.staff, cognitoUrl),
      portal: await jwtAuthorizer(cognitoUrl, pools.portal, cognitoUrl),
    },
    invokeWithEnvironment: counted('api'),
  });

  const staffToken = await ensureStaffUser(cognitoUrl, pools.staff, demo.staff.email, demo.staff.password);
  const demoOrganization = await ensureDemoOrganization(apiUrl, staffToken, stripe.url);

  const state: LocalState = {
    ...services,
    ...(meter && { usageUrl: await meter.serve() }),
    demo: {
      staff: demo.staff,
      orgId: demoOrganization.id,
      portalName: demoOrganization.portalName,
      portalPerson: { email: demo.contact.email, password: demo.portalPassword },
    },
  };
  mkdirSync(dirname(resolve(args['state-file']!)), { recursive: true });
  writeFileSync(resolve(args['state-file']!), `${JSON.stringify(state, null, 2)}\n`);

  process.stdout.write(
    [
      '',
      'Portico is running locally.',
      `  API           ${apiUrl}   (OpenAPI: ${apiUrl}/v1/openapi.json)`,
      `  Demo portal   ${apiUrl}/p/${demoOrganization.portalName}   (sign in as ${demo.contact.email} / ${demo.portalPassword})`,
      `  Mailbox       ${sesUrl}   (every email sent; JSON at ${sesUrl}/store)`,
      `  DynamoDB      ${dynamodbUrl}   table ${TABLE_NAME}${args['in-memory'] ? ' (in memory)' : ` (data in ${serviceOptions.dataDir})`}`,
      `  Consumers     ${Object.keys(consumers).join(', ')}, fed by the table's stream   (dead letters: ${deadLetters})`,
      `  Cognito       ${cognitoUrl}   staff pool ${pools.staff.userPoolId}, portal pool ${pools.portal.userPoolId}`,
      `  Stripe double ${stripe.url}   (Stripe's API for Portico's calls, checkout and onboarding pages; events to ${apiUrl}/v1/webhooks/stripe)`,
      `  Demo login    ${demo.staff.email} / ${demo.staff.password}   (staff pool, organization ${demoOrganization.id})`,
      `  State file    ${resolve(args['state-file']!)}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

main().catch((error) => {
  process.stderr.write(error instanceof PortBusy ? `${error.message}\n` : `Could not start Portico locally: ${(error as Error).stack ?? error}\n`);
  stopChildren();
  process.exit(1);
});
