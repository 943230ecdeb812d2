import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumers, effectNames } from '../../functions/core/consumers.ts';
import { tableDefinition } from '../../functions/core/db/table-definition.ts';
import type { Needs } from '../../functions/core/needs.ts';
import { schedules } from '../../functions/core/schedules.ts';
import { subscribers } from '../../functions/core/subscribers.ts';
import { type Route, routeList } from '../../functions/routes.ts';
import { functionGroups, pascal } from '../../lib/settings/function-groups.ts';
import { listTemplates } from '../../scripts/generate-email-templates.ts';
import { testApp } from '../support/stack-app.ts';

type Resource = { Type: string; Properties: Record<string, any> };
let template: Template;
let resources: Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const logicalId = (type: string, where: (resource: Resource) => boolean) => ofType(type).find(([, resource]) => where(resource))![0];

beforeAll(() => {
  template = Template.fromStack(testApp().stack);
  resources = template.toJSON().Resources;
});

/** The application's functions (not CDK's own helpers) with the route keys their integration serves. */
function handlerFunctions() {
  const integrations = ofType('AWS::ApiGatewayV2::Integration');
  const routesOf = (functionId: string) => {
    const integrationIds = integrations.filter(([, integration]) => integration.Properties.IntegrationUri['Fn::GetAtt'][0] === functionId).map(([id]) => id);
    return ofType('AWS::ApiGatewayV2::Route')
      .filter(([, route]) => integrationIds.includes(route.Properties.Target['Fn::Join'][1][1].Ref))
      .map(([, route]) => route.Properties.RouteKey as string);
  };
  return ofType('AWS::Lambda::Function')
    .filter(([, fn]) => fn.Properties.Runtime === 'nodejs22.x')
    .map(([id, fn]) => ({
      id,
      fn,
      routeKeys: routesOf(id),
      integrations: integrations.filter(([, integration]) => integration.Properties.IntegrationUri['Fn::GetAtt'][0] === id),
    }));
}

/** Every (action, resource) pair the role may use. */
function permissionsOf(roleArn: { 'Fn::GetAtt': [string, string] }): string[] {
  const roleId = roleArn['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement)
    .flatMap((statement: { Action: string | string[]; Resource: unknown }) =>
      [statement.Action].flat().flatMap((action) => [statement.Resource].flat().map((resource) => `${action} ${JSON.stringify(resource)}`)),
    )
    .sort();
}

/** What each need must grant, written out independently of lib/needs-binding.ts. */
function expectedPermissions(needs: Needs, logGroupId: string): string[] {
  const table = { 'Fn::GetAtt': [logicalId('AWS::DynamoDB::GlobalTable', () => true), 'Arn'] };
  const tableResources = [table, ...['GSI1', 'GSI2', 'GSI3', 'GSI4'].map((index) => ({ 'Fn::Join': ['', [table, `/index/${index}`]] }))];
  const read = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
  const write = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
  const portalPool = { 'Fn::GetAtt': [logicalId('AWS::Cognito::UserPool', (pool) => pool.Properties.UserPoolName === 'portico-portal'), 'Arn'] };
  const pairs = (actions: string[], resourceList: unknown[]) =>
    actions.flatMap((action) => resourceList.map((resource) => `${action} ${JSON.stringify(resource)}`));
  return [
    ...(needs.table ? pairs(needs.table === 'read' ? read : [...read, ...write], tableResources) : []),
    ...(needs.portalPool === 'admin'
      ? pairs(
          [
            'cognito-idp:AdminCreateUser',
            'cognito-idp:AdminSetUserPassword',
            'cognito-idp:AdminUpdateUserAttributes',
            'cognito-idp:AdminDeleteUser',
            'cognito-idp:AdminUserGlobalSignOut',
            'cognito-idp:AdminSetUserMFAPreference',
          ],
          [portalPool],
        )
      : []),
    ...(needs.email
      ? pairs(
          ['ses:SendEmail'],
          [
            { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:eu-west-1:123456789012:identity/example.com']] },
            {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':ses:eu-west-1:123456789012:configuration-set/',
                  { Ref: logicalId('AWS::SES::ConfigurationSet', () => true) },
                ],
              ],
            },
          ],
        )
      : []),
    ...(needs.stripe ? pairs(['secretsmanager:GetSecretValue'], [{ Ref: logicalId('AWS::SecretsManager::Secret', () => true) }]) : []),
    ...(needs.logoBucket
      ? pairs(needs.logoBucket === 'read' ? ['s3:GetObject'] : ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], [
          { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId('AWS::S3::Bucket', () => true), 'Arn'] }, '/*']] },
        ])
      : []),
    ...(needs.deadLetters
      ? pairs(
          ['sqs:SendMessage'],
          effectNames.map((name) => ({ 'Fn::GetAtt': [effectQueueId(name), 'Arn'] })),
        )
      : []),
    ...pairs(['logs:CreateLogStream', 'logs:PutLogEvents'], [{ 'Fn::GetAtt': [logGroupId, 'Arn'] }]),
  ].sort();
}

/** How CloudFormation writes a rate of so many minutes: whole hours in hours (`rate(1 hour)`), else minutes. */
const scheduleRate = (minutes: number) => {
  const [count, unit] = minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `rate(${count} ${unit}${count === 1 ? '' : 's'})`;
};

/** The variables AWS must set for each need (the optional endpoints are local only); no NODE_OPTIONS: source maps are read when an error is logged, not at every cold start. */
const expectedVariables = (needs: Needs) =>
  [
    ...(needs.table ? ['TABLE_NAME'] : []),
    ...(needs.portalPool ? ['PORTAL_USER_POOL_ID', 'PORTAL_CLIENT_ID'] : []),
    ...(needs.staffPool ? ['STAFF_USER_POOL_ID'] : []),
    ...(needs.email ? ['EMAIL_FROM', 'SES_CONFIGURATION_SET'] : []),
    ...(needs.mailLimits ? ['MAIL_DAILY_LIMIT_NEW_ORGANIZATION', 'MAIL_DAILY_LIMIT_ORGANIZATION', 'MAIL_DAILY_LIMIT_PER_SENDER'] : []),
    ...(needs.web ? ['PUBLIC_BASE_URL', 'STAFF_APP_URL'] : []),
    ...(needs.stripe ? ['STRIPE_SECRETS_ARN'] : []),
    ...(needs.logoBucket ? ['LOGO_BUCKET'] : []),
    ...(needs.deadLetters ? ['DEAD_LETTER_QUEUES'] : []),
  ].sort();

/** An effect's own dead-letter queue, by its logical id. */
const effectQueueId = (name: string) => ofType('AWS::SQS::Queue').find(([id]) => id.startsWith(`EffectDeadLetters${pascal(name)}`))![0];

const routeByKey = new Map(routeList().map((route) => [route.key as string, route]));
const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];

describe('the stack', () => {
  it('has one table with the shared key schema, on demand, with point-in-time recovery, deletion protection and a stream of new images', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => Match.objectLike({ IndexName: index.indexName })),
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
    });
  });

  it('has a staff pool with self sign-up and an admin-only portal pool with immutable tenant attributes and a grant only the API writes', () => {
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
      Schema: Match.arrayWith([
        ...['orgId', 'contactId', 'personId'].map((name) => Match.objectLike({ Name: name, Mutable: false })),
        Match.objectLike({ Name: 'grantId', Mutable: true }),
      ]),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ClientName: 'portico-portal-app',
      PreventUserExistenceErrors: 'ENABLED',
      ReadAttributes: Match.arrayWith(['custom:grantId', 'custom:orgId']),
      WriteAttributes: [],
      AllowedOAuthFlows: Match.absent(),
    });
  });

  it('has an HTTP API with a JWT authorizer per pool and one route per route-table entry plus the fallback', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    const authorizers = template.findResources('AWS::ApiGatewayV2::Authorizer');
    const poolsInUse = new Set(
      routeList()
        .filter((route) => route.auth !== 'none')
        .map((route) => (route.auth === 'portal' ? 'portal' : 'staff')),
    );
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

  it('makes one Node.js 22 function per audience, set of grants and weight, one per stream consumer and one per schedule: at most 24 functions, 450 resources', () => {
    const functions = handlerFunctions();
    const apiFunctions = functions.filter((fn) => fn.routeKeys.length > 0);
    const served = (keys: string[]) =>
      keys
        .filter((key) => routeByKey.has(key))
        .sort()
        .join(' ');
    expect(apiFunctions.map((fn) => served(fn.routeKeys)).sort()).toEqual(
      functionGroups()
        .map((group) => served(group.routes.map((route) => route.key)))
        .sort(),
    );
    expect(functions).toHaveLength(apiFunctions.length + Object.keys(consumers).length + Object.keys(schedules).length + Object.keys(subscribers).length);
    // 12 functions and 151 resources for the 61 routes before online payments and teams; those 60-odd routes brought new sets of needs.
    // Each schedule and consumer is a function of its own; routes share by grants and weight (the PDF, the e-invoice).
    expect(functions.length).toBeLessThanOrEqual(30);
    // CloudFormation allows 500 resources in a stack; a route costs one, a function five (role, policy, logs, alarm, itself).
    expect(Object.keys(resources).length).toBeLessThanOrEqual(450);
    // pdfkit weighs only on the functions that render PDFs.
    const pdfFunctions = apiFunctions.filter((fn) => fn.routeKeys.some((key) => routeByKey.get(key)?.renders === 'pdf'));
    expect(pdfFunctions.map((fn) => fn.routeKeys.every((key) => routeByKey.get(key)?.renders === 'pdf'))).toEqual([true]);
  });

  it('gives each function one integration and one invoke permission covering all its routes', () => {
    const api = logicalId('AWS::ApiGatewayV2::Api', () => true);
    for (const { id, integrations } of handlerFunctions().filter((fn) => fn.routeKeys.length > 0)) {
      expect(integrations).toHaveLength(1);
      const permissions = ofType('AWS::Lambda::Permission').filter(([, permission]) => permission.Properties.FunctionName['Fn::GetAtt'][0] === id);
      expect(permissions.map(([, permission]) => permission.Properties.SourceArn['Fn::Join'][1].slice(-2))).toEqual([[{ Ref: api }, '/*/*/*']]);
    }
  });

  it('costs at most 2 resources per added route', () => {
    const extra: Route = {
      ...routeByKey.get('GET /v1/orgs/{orgId}/contacts')!,
      key: 'GET /v1/orgs/{orgId}/extra' as Route['key'],
      path: '/v1/orgs/{orgId}/extra',
    };
    const withExtra = Template.fromStack(testApp(undefined, { routes: [...routeList(), extra] }).stack).toJSON().Resources;
    expect(Object.keys(withExtra).length - Object.keys(resources).length).toBeLessThanOrEqual(2);
  });

  it("grants each API function exactly what each of its routes needs, and sets exactly its routes' needs' variables", () => {
    for (const { fn, routeKeys } of handlerFunctions().filter((candidate) => candidate.routeKeys.length > 0)) {
      const granted = permissionsOf(fn.Properties.Role);
      const variables = Object.keys(fn.Properties.Environment?.Variables ?? {}).sort();
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref;
      const served = routeKeys.filter((routeKey) => routeByKey.has(routeKey)).map((key) => routeByKey.get(key)!);
      // Routes share a function only where sharing grants none of them more: what differs between them is variables alone.
      for (const { key, needs } of served) expect({ key, granted }).toEqual({ key, granted: expectedPermissions(needs, logGroupId) });
      const variablesOfRoutes = new Set(served.flatMap((route) => expectedVariables(route.needs)));
      expect(variables).toEqual([...variablesOfRoutes].sort());
    }
  });

  it('feeds each stream consumer only new outbox events of its types, with retries, bisection and a dead-letter queue that alarms', () => {
    const functions = handlerFunctions();
    for (const consumer of Object.values(consumers)) {
      const events = [...consumer.events];
      const mappingId = logicalId(
        'AWS::Lambda::EventSourceMapping',
        (mapping) => JSON.parse(mapping.Properties.FilterCriteria.Filters[0].Pattern).dynamodb.NewImage.eventType.S.join() === events.join(),
      );
      const mapping = resources[mappingId]!.Properties;
      expect(mapping).toMatchObject({
        EventSourceArn: { 'Fn::GetAtt': [logicalId('AWS::DynamoDB::GlobalTable', () => true), 'StreamArn'] },
        StartingPosition: 'TRIM_HORIZON',
        BisectBatchOnFunctionError: true,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        MaximumRetryAttempts: 5,
        MaximumRecordAgeInSeconds: 6 * 60 * 60,
      });
      expect(JSON.parse(mapping.FilterCriteria.Filters[0].Pattern)).toEqual({
        eventName: ['INSERT'],
        dynamodb: { NewImage: { type: { S: ['outbox'] }, eventType: { S: events } } },
      });
      const queueId = mapping.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      expect(resources[queueId]).toMatchObject({ Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true } });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
      });

      // The consumer's role: its needs, the stream and its dead-letter queue, nothing else.
      const { fn } = functions.find((candidate) => candidate.id === mapping.FunctionName.Ref)!;
      const stream = { 'Fn::GetAtt': [logicalId('AWS::DynamoDB::GlobalTable', () => true), 'StreamArn'] };
      const queue = { 'Fn::GetAtt': [queueId, 'Arn'] };
      expect(permissionsOf(fn.Properties.Role)).toEqual(
        [
          ...expectedPermissions(consumer.needs, fn.Properties.LoggingConfig.LogGroup.Ref),
          ...streamActions.map((action) => `${action} ${JSON.stringify(stream)}`),
          ...['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'].map((action) => `${action} ${JSON.stringify(queue)}`),
        ].sort(),
      );
    }
    const streamReaders = functions.filter(({ fn }) =>
      permissionsOf(fn.Properties.Role).some((permission) => streamActions.includes(permission.split(' ')[0]!)),
    );
    expect(streamReaders).toHaveLength(Object.keys(consumers).length);
  });

  it('gives each effect its own alarmed dead-letter queue, which only the dispatcher may send to, by the URLs in its environment', () => {
    const dispatcher = handlerFunctions().find(({ fn }) => fn.Properties.Environment?.Variables?.DEAD_LETTER_QUEUES)!;
    const urls = JSON.stringify(dispatcher.fn.Properties.Environment.Variables.DEAD_LETTER_QUEUES);
    for (const name of effectNames) {
      const queueId = effectQueueId(name);
      expect(resources[queueId]).toMatchObject({ Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 } });
      expect(urls).toContain(`"${name}\\":\\"`);
      expect(urls).toContain(JSON.stringify({ Ref: queueId }));
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
        Threshold: 0,
      });
    }
    const effectQueues = effectNames.map((name) => JSON.stringify({ 'Fn::GetAtt': [effectQueueId(name), 'Arn'] }));
    const senders = handlerFunctions().filter(({ fn }) =>
      permissionsOf(fn.Properties.Role).some(
        (permission) => permission.startsWith('sqs:SendMessage') && effectQueues.some((queue) => permission.endsWith(queue)),
      ),
    );
    expect(senders.map(({ id }) => id)).toEqual([dispatcher.id]);
  });

  it('sends every mail through one configuration set whose bounces and complaints reach the mail-feedback function by its topic; the function has exactly its needs', () => {
    const [setId] = ofType('AWS::SES::ConfigurationSet')[0]!;
    const [, destination] = ofType('AWS::SES::ConfigurationSetEventDestination')[0]!;
    const [topicId] = ofType('AWS::SNS::Topic').find(([, topic]) => topic.Properties.DisplayName === 'Portico mail bounces and complaints')!;
    expect(destination.Properties).toMatchObject({
      ConfigurationSetName: { Ref: setId },
      EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: { Ref: topicId } } },
    });
    const [, subscription] = ofType('AWS::SNS::Subscription').find(([, candidate]) => candidate.Properties.Protocol === 'lambda')!;
    expect(subscription.Properties.TopicArn).toEqual({ Ref: topicId });
    const functionId = subscription.Properties.Endpoint['Fn::GetAtt'][0];
    const { fn } = handlerFunctions().find((candidate) => candidate.id === functionId)!;
    expect(permissionsOf(fn.Properties.Role).filter((permission) => !permission.startsWith('sqs:'))).toEqual(
      expectedPermissions(subscribers.mailFeedback.needs, fn.Properties.LoggingConfig.LogGroup.Ref),
    );
    expect(Object.keys(fn.Properties.Environment?.Variables ?? {}).sort()).toEqual(expectedVariables(subscribers.mailFeedback.needs));
    for (const { fn: sender } of handlerFunctions().filter((candidate) => candidate.fn.Properties.Environment?.Variables?.EMAIL_FROM))
      expect(sender.Properties.Environment.Variables.SES_CONFIGURATION_SET).toEqual({ Ref: setId });
  });

  it('invokes each scheduled function at its rate through a role that may invoke only it; the function has exactly its needs', () => {
    const functions = handlerFunctions();
    const scheduled = ofType('AWS::Scheduler::Schedule');
    expect(scheduled).toHaveLength(Object.keys(schedules).length);
    for (const spec of Object.values(schedules)) {
      const [, schedule] = scheduled.find(([, candidate]) => candidate.Properties.Description === spec.summary)!;
      expect(schedule.Properties).toMatchObject({
        ScheduleExpression: scheduleRate(spec.rate),
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
      });
      const functionId = schedule.Properties.Target.Arn['Fn::GetAtt'][0];
      expect(JSON.parse(schedule.Properties.Target.Input)).toEqual({});
      const { fn } = functions.find((candidate) => candidate.id === functionId)!;
      expect(fn.Properties.Timeout).toBe(spec.timeoutSeconds);
      expect(permissionsOf(fn.Properties.Role)).toEqual(expectedPermissions(spec.needs, fn.Properties.LoggingConfig.LogGroup.Ref));
      expect(Object.keys(fn.Properties.Environment?.Variables ?? {}).sort()).toEqual(expectedVariables(spec.needs));
      const functionArn = { 'Fn::GetAtt': [functionId, 'Arn'] };
      expect(permissionsOf(schedule.Properties.Target.RoleArn)).toEqual(
        [functionArn, { 'Fn::Join': ['', [functionArn, ':*']] }].map((resource) => `lambda:InvokeFunction ${JSON.stringify(resource)}`).sort(),
      );
      expect(resources[schedule.Properties.Target.RoleArn['Fn::GetAtt'][0]]!.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
        Service: 'scheduler.amazonaws.com',
      });
    }
  });

  it('keeps the Stripe keys in one secret whose value is not in the template, referenced by ARN, readable only by functions with the stripe need', () => {
    const secrets = ofType('AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(1);
    const [secretId, secret] = secrets[0]!;
    expect(secret.Properties).not.toHaveProperty('SecretString');
    expect(JSON.stringify(template.toJSON())).not.toMatch(/(sk|rk)_(test|live)_\w|whsec_\w/);
    const readers = handlerFunctions().filter(({ fn }) => permissionsOf(fn.Properties.Role).some((permission) => permission.startsWith('secretsmanager:')));
    const stripeEntries = [...routeList(), ...Object.values(consumers), ...Object.values(schedules)].filter((spec) => (spec.needs as Needs).stripe);
    expect(readers.length).toBeGreaterThan(0);
    for (const { fn } of readers) {
      expect(fn.Properties.Environment.Variables.STRIPE_SECRETS_ARN).toEqual({ Ref: secretId });
      expect(permissionsOf(fn.Properties.Role).filter((permission) => permission.startsWith('secretsmanager:'))).toEqual([
        `secretsmanager:GetSecretValue ${JSON.stringify({ Ref: secretId })}`,
      ]);
    }
    const withStripe = handlerFunctions().filter(({ fn }) => 'STRIPE_SECRETS_ARN' in (fn.Properties.Environment?.Variables ?? {}));
    expect(withStripe.map(({ id }) => id).sort()).toEqual(readers.map(({ id }) => id).sort());
    expect(stripeEntries.length).toBeGreaterThanOrEqual(readers.length);
    expect(template.toJSON().Outputs.StripeSecretsArn.Value).toEqual({ Ref: secretId });
  });

  it('creates an SES template per folder in templates/email', () => {
    const names = Object.values(template.findResources('AWS::SES::Template')).map((resource) => resource.Properties.Template.TemplateName);
    expect(names.sort()).toEqual(
      listTemplates()
        .map((entry) => `portico-${entry.key}`)
        .sort(),
    );
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
