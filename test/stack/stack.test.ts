import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTemplates } from '../../scripts/generate-email-templates.ts';
import { routeList } from '../../functions/core/routes.ts';
import { PorticoStack } from '../../lib/portico-stack.ts';
import { tableDefinition } from '../../functions/core/db/table-definition.ts';

function testApp(outdir?: string) {
  // Bundling is skipped: `npm run synth` bundles every handler with esbuild.
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new PorticoStack(app, 'Test', {
    env: { account: '123456789012', region: 'eu-west-1' },
    deletionProtection: true,
    sesIdentity: 'example.com',
    emailFrom: 'Acme <billing@example.com>',
  });
  return { app, stack };
}

let template: Template;
beforeAll(() => {
  template = Template.fromStack(testApp().stack);
});

describe('the stack', () => {
  it('has one table with the shared key schema, on demand, with point-in-time recovery and deletion protection', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => Match.objectLike({ IndexName: index.indexName })),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
    });
  });

  it('has a staff pool with self sign-up and an admin-only portal pool with immutable tenant attributes', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 2);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'portico-staff',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      UsernameAttributes: ['email'],
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'portico-portal',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireNumbers: true }) },
      Schema: Match.arrayWith(['orgId', 'contactId', 'personId'].map((name) => Match.objectLike({ Name: name, Mutable: false }))),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'portico-portal-app',
      PreventUserExistenceErrors: 'ENABLED',
      WriteAttributes: [],
      AllowedOAuthFlows: Match.absent(),
    });
  });

  it('has an HTTP API with a JWT authorizer per pool and one route per route-table entry plus the fallback', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    const authorizers = template.findResources('AWS::ApiGatewayV2::Authorizer');
    const poolsInUse = new Set(routeList().filter((route) => route.auth !== 'none').map((route) => (route.auth === 'portal' ? 'portal' : 'staff')));
    expect(Object.values(authorizers).map((resource) => resource.Properties.AuthorizerType)).toEqual([...poolsInUse].map(() => 'JWT'));
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((resource) => resource.Properties.RouteKey);
    expect(routeKeys.sort()).toEqual([...routeList().map((route) => route.key), 'ANY /{proxy+}'].sort());
    for (const route of routeList()) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: route.key,
        AuthorizationType: route.auth === 'none' ? 'NONE' : 'JWT',
      });
    }
  });

  it('makes one Node.js 22 function per handler entry', () => {
    const entries = new Set([...routeList().map((route) => route.entry), 'system/fallback']);
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const handlers = functions.filter((resource) => resource.Properties.Runtime === 'nodejs22.x');
    expect(handlers).toHaveLength(entries.size);
  });

  it('binds environment and grants together: read-only routes get no write action, routes without the table get neither', () => {
    const functions = template.findResources('AWS::Lambda::Function');
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const actionsOf = (entry: string) => {
      const [logicalId, fn] = Object.entries(functions).find(
        ([id, resource]) => resource.Properties.Runtime === 'nodejs22.x' && new RegExp(`^Api${entry}[0-9A-F]{8}$`).test(id),
      )!;
      const roleId = fn.Properties.Role['Fn::GetAtt'][0];
      const actions = policies
        .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement.flatMap((statement: { Action: string | string[] }) => statement.Action));
      return { logicalId, environment: fn.Properties.Environment?.Variables ?? {}, actions };
    };
    const reader = actionsOf('OrgsGetOrganization');
    expect(reader.actions).toContain('dynamodb:GetItem');
    expect(reader.actions).not.toContain('dynamodb:PutItem');
    expect(reader.environment).toHaveProperty('TABLE_NAME');
    const writer = actionsOf('OrgsSetPortal');
    expect(writer.actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
    const openApi = actionsOf('SystemGetOpenapi');
    expect(openApi.actions.filter((action: string) => action.startsWith('dynamodb:'))).toEqual([]);
    expect(openApi.environment).not.toHaveProperty('TABLE_NAME');
  });

  it('shares one role per distinct set of needs, keeping the stack well inside the 500-resource limit', () => {
    const distinctNeeds = new Set([...routeList().map((route) => JSON.stringify(route.needs)), JSON.stringify({})]);
    template.resourceCountIs('AWS::IAM::Role', distinctNeeds.size);
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(400);
  });

  it('creates an SES template per folder in templates/email', () => {
    const names = Object.values(template.findResources('AWS::SES::Template')).map((resource) => resource.Properties.Template.TemplateName);
    expect(names.sort()).toEqual(listTemplates().map((entry) => `portico-${entry.key}`).sort());
  });

  it('passes the cdk-nag AwsSolutions pack (every acknowledged finding carries its reason)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'portico-nag-'));
    try {
      const { app } = testApp(outdir);
      Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      let failure: unknown;
      try {
        app.synth();
      } catch (error) {
        failure = error;
      }
      const reportFile = join(outdir, 'validation-report.json');
      const violations = existsSync(reportFile) ? unacknowledgedErrors(JSON.parse(readFileSync(reportFile, 'utf8'))) : [];
      expect(violations).toEqual([]);
      expect(failure).toBeUndefined();
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

interface ValidationReport {
  pluginReports: { violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[] }[];
}

function unacknowledgedErrors(report: ValidationReport): string[] {
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations
      .filter((violation) => violation.severity === 'error')
      .flatMap((violation) => violation.violatingConstructs.map((construct) => `${violation.ruleName} at ${construct.constructPath}`)),
  );
}
