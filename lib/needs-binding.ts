import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { tableDefinition } from '../functions/core/db/table-definition.ts';
import type { Needs } from '../functions/core/routes.ts';
import type { PoolWithClient } from './user-pools.ts';

const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** Only the admin calls the portal-access adapter makes; sign-in calls need no IAM. */
const PORTAL_POOL_ACTIONS = ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminDeleteUser'];

/** What functions can be bound to. */
export interface Bindables {
  table: TableV2;
  portal: PoolWithClient;
  publicBaseUrl: string;
  email: { from: string; identityArn: string };
}

/** The environment variables a function gets for its needs: exactly those its grants go with. */
export function environmentFor(needs: Needs, bindables: Bindables): Record<string, string> {
  return {
    ...(needs.table ? { TABLE_NAME: bindables.table.tableName } : {}),
    ...(needs.web ? { PUBLIC_BASE_URL: bindables.publicBaseUrl } : {}),
    ...(needs.portalPool ? { PORTAL_USER_POOL_ID: bindables.portal.pool.userPoolId, PORTAL_CLIENT_ID: bindables.portal.client.userPoolClientId } : {}),
    ...(needs.email ? { EMAIL_FROM: bindables.email.from } : {}),
  };
}

function grantsFor(needs: Needs, bindables: Bindables): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  if (needs.table) {
    const { tableArn } = bindables.table;
    statements.push(
      new PolicyStatement({
        actions: needs.table === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
        resources: [tableArn, ...tableDefinition.globalSecondaryIndexes.map((index) => `${tableArn}/index/${index.indexName}`)],
      }),
    );
  }
  if (needs.portalPool) statements.push(new PolicyStatement({ actions: PORTAL_POOL_ACTIONS, resources: [bindables.portal.pool.userPoolArn] }));
  if (needs.email) statements.push(new PolicyStatement({ actions: ['ses:SendEmail'], resources: [bindables.email.identityArn] }));
  return statements;
}

const needsId = (needs: Needs) =>
  `Needs${needs.table ? `Table${needs.table === 'read' ? 'Read' : 'ReadWrite'}` : ''}${needs.web ? 'Web' : ''}${needs.portalPool ? 'PortalPool' : ''}${needs.email ? 'Email' : ''}Role`;

/**
 * One role per distinct set of needs: functions that need the same get the
 * same grants, and the stack stays far from CloudFormation's resource limit.
 * Each role may write only to the log groups of its own functions.
 */
export class FunctionRoles extends Construct {
  private readonly roles = new Map<string, { role: Role; logs: PolicyStatement }>();

  constructor(
    scope: Construct,
    id: string,
    private readonly bindables: Bindables,
  ) {
    super(scope, id);
  }

  roleFor(needs: Needs, logGroup: ILogGroup): Role {
    const id = needsId(needs);
    let entry = this.roles.get(id);
    if (!entry) {
      const role = new Role(this, id, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
      for (const statement of grantsFor(needs, this.bindables)) role.addToPolicy(statement);
      const logs = new PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'] });
      role.addToPolicy(logs);
      entry = { role, logs };
      this.roles.set(id, entry);
    }
    entry.logs.addResources(logGroup.logGroupArn);
    return entry.role;
  }
}
