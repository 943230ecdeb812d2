import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { tableDefinition } from '../functions/core/db/table-definition.ts';
import type { Needs } from '../functions/core/routes.ts';
import { bundling } from './settings/bundling.ts';
import type { PoolWithClient } from './user-pools.ts';

const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** What functions can be bound to. */
export interface Bindables {
  table: TableV2;
  portal: PoolWithClient;
  publicBaseUrl: string;
  email: { from: string; identityArn: string };
}

/**
 * One Lambda per handler entry, with the project's defaults. Its environment and
 * its IAM grants come from the route's `needs` together, so a function can use
 * exactly what it was granted and nothing else.
 */
export class HandlerFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: { entry: string; needs: Needs; bindables: Bindables }) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    // Its own role, allowed to write to its own log group only (instead of the managed basic-execution policy).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    super(scope, id, {
      role,
      entry: `${projectRoot}functions/${props.entry}.ts`,
      handler: 'handler',
      projectRoot,
      depsLockFilePath: `${projectRoot}package-lock.json`,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        target: bundling.target,
        format: OutputFormat.ESM,
        minify: bundling.minify,
        sourceMap: bundling.sourceMap,
        mainFields: [...bundling.mainFields],
        banner: bundling.banner,
        externalModules: [],
      },
    });
    this.bind(props.needs, props.bindables);
  }

  private bind(needs: Needs, bindables: Bindables) {
    if (needs.table) {
      this.addEnvironment('TABLE_NAME', bindables.table.tableName);
      const { tableArn } = bindables.table;
      this.addToRolePolicy(
        new PolicyStatement({
          actions: needs.table === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
          resources: [tableArn, ...tableDefinition.globalSecondaryIndexes.map((index) => `${tableArn}/index/${index.indexName}`)],
        }),
      );
    }
    if (needs.web) this.addEnvironment('PUBLIC_BASE_URL', bindables.publicBaseUrl);
    if (needs.portalPool) {
      this.addEnvironment('PORTAL_USER_POOL_ID', bindables.portal.pool.userPoolId);
      this.addEnvironment('PORTAL_CLIENT_ID', bindables.portal.client.userPoolClientId);
      // Only the admin calls the portal-access adapter makes; sign-in calls need no IAM.
      bindables.portal.pool.grant(
        this,
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminSetUserPassword',
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminDeleteUser',
      );
    }
    if (needs.email) {
      this.addEnvironment('EMAIL_FROM', bindables.email.from);
      this.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [bindables.email.identityArn] }));
    }
  }
}
