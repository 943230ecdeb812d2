import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Config } from '../functions/core/config.ts';
import { tableDefinition } from '../functions/core/db/table-definition.ts';
import { needNames, type NeedName, type Needs } from '../functions/core/needs.ts';
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
    grants: ({ portal }) => [new PolicyStatement({ actions: PORTAL_POOL_ACTIONS, resources: [portal.pool.userPoolArn] })],
  },
  email: {
    environment: ({ email }) => ({ EMAIL_FROM: email.from }),
    grants: ({ email }) => [new PolicyStatement({ actions: ['ses:SendEmail'], resources: [email.identityArn] })],
  },
  web: {
    environment: ({ publicBaseUrl }) => ({ PUBLIC_BASE_URL: publicBaseUrl }),
    grants: () => [],
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
