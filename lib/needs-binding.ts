import { Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Config } from '../functions/core/config.ts';
import { tableDefinition } from '../functions/core/db/table-definition.ts';
import { type MailLimits, mailLimitVariables } from '../functions/core/email/limits.ts';
import { type NeedName, type Needs, needNames } from '../functions/core/needs.ts';
import type { PoolWithClient } from './user-pools.ts';

const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** The Admin calls the portal-access adapter makes (portal-access/cognito.ts); the session calls need no IAM. */
const PORTAL_POOL_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminSetUserMFAPreference',
];

/** What functions can be bound to. */
export interface Bindables {
  table: TableV2;
  portal: PoolWithClient;
  staff: PoolWithClient;
  publicBaseUrl: string;
  /** The staff web app's base, where mail to staff links (docs/mail-and-limits.md). */
  staffAppUrl: string;
  /** The sending identity and the configuration set every mail goes through (lib/mail-feedback.ts). */
  email: { from: string; identityArn: string; configurationSet: { name: string; arn: string } };
  /** Daily mail limits for this deployment (stack context; docs/mail-and-limits.md). */
  mailLimits: MailLimits;
  /** The platform's Stripe keys, `{ secretKey, webhookSecret }`: the stack creates it empty, the operator puts the value. */
  stripeSecrets: ISecret;
  /** The private bucket of uploaded logos (lib/logo-bucket.ts). */
  logoBucket: IBucket;
  /** Each effect's dead-letter queue (lib/dead-letter-queues.ts). */
  effectDeadLetters: Record<string, IQueue>;
}

/** The variables of a need's config section that AWS sets; the optional ones only point local runs at emulators. */
type Variables<N extends NeedName> = { [V in keyof Config<N> as undefined extends Config<N>[V] ? never : V]-?: string };

interface Binding<N extends NeedName> {
  environment: (bindables: Bindables) => Variables<N>;
  grants: (bindables: Bindables, level: NonNullable<Needs[N]>) => PolicyStatement[];
}

/**
 * Each need's variables and IAM grants in AWS, keyed and typed by its config
 * section (functions/core/config.ts): a need without a binding, or a variable
 * its section does not read, does not compile.
 */
const bindings: { [N in NeedName]: Binding<N> } = {
  table: {
    environment: ({ table }) => ({ TABLE_NAME: table.tableName }),
    grants: ({ table }, level) => [
      new PolicyStatement({
        actions: level === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
        resources: [table.tableArn, ...tableDefinition.globalSecondaryIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`)],
      }),
    ],
  },
  portalPool: {
    environment: ({ portal }) => ({ PORTAL_USER_POOL_ID: portal.pool.userPoolId, PORTAL_CLIENT_ID: portal.client.userPoolClientId }),
    grants: ({ portal }, level) =>
      level === 'admin' ? [new PolicyStatement({ actions: PORTAL_POOL_ADMIN_ACTIONS, resources: [portal.pool.userPoolArn] })] : [],
  },
  staffPool: {
    environment: ({ staff }) => ({ STAFF_USER_POOL_ID: staff.pool.userPoolId }),
    // The TOTP calls are authorized by the user's access token, not IAM.
    grants: () => [],
  },
  email: {
    environment: ({ email }) => ({ EMAIL_FROM: email.from, SES_CONFIGURATION_SET: email.configurationSet.name }),
    // SES authorizes a send against the identity and against the configuration set it names.
    grants: ({ email }) => [new PolicyStatement({ actions: ['ses:SendEmail'], resources: [email.identityArn, email.configurationSet.arn] })],
  },
  mailLimits: {
    environment: ({ mailLimits }) => mailLimitVariables(mailLimits),
    grants: () => [],
  },
  web: {
    environment: ({ publicBaseUrl, staffAppUrl }) => ({ PUBLIC_BASE_URL: publicBaseUrl, STAFF_APP_URL: staffAppUrl }),
    grants: () => [],
  },
  stripe: {
    environment: ({ stripeSecrets }) => ({ STRIPE_SECRETS_ARN: stripeSecrets.secretArn }),
    grants: ({ stripeSecrets }) => [new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [stripeSecrets.secretArn] })],
  },
  outgoingWebhooks: {
    // In AWS no variable: https to public addresses only.
    environment: () => ({}),
    grants: () => [],
  },
  logoBucket: {
    environment: ({ logoBucket }) => ({ LOGO_BUCKET: logoBucket.bucketName }),
    // A presigned POST is signed with the function's own credentials: it may put only what the role may put.
    grants: ({ logoBucket }, level) => [
      new PolicyStatement({
        actions: level === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [logoBucket.arnForObjects('*')],
      }),
    ],
  },
  deadLetters: {
    environment: ({ table, effectDeadLetters }) => ({
      DEAD_LETTER_QUEUES: Stack.of(table).toJsonString(Object.fromEntries(Object.entries(effectDeadLetters).map(([name, queue]) => [name, queue.queueUrl]))),
    }),
    grants: ({ effectDeadLetters }) => [
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: Object.values(effectDeadLetters).map((queue) => queue.queueArn) }),
    ],
  },
};

const binding = <N extends NeedName>(name: N): Binding<N> => bindings[name];

/** The environment variables a function gets for its needs: exactly those its grants go with. */
export function environmentFor(needs: Needs, bindables: Bindables): Record<string, string> {
  return Object.assign({}, ...needNames(needs).map((name) => binding(name).environment(bindables)));
}

/** The IAM statements a function gets for its needs. */
export function grantsFor(needs: Needs, bindables: Bindables): PolicyStatement[] {
  return needNames(needs).flatMap(<N extends NeedName>(name: N) => binding(name).grants(bindables, needs[name]!));
}
