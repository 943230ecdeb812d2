import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumers, effectNames } from '../../functions/core/consumers.ts';
import { subscribers } from '../../functions/core/subscribers.ts';
import { testApp } from '../support/stack-app.ts';

type Resource = { Type: string; Properties: Record<string, any> };
let template: Template;
let resources: Record<string, Resource>;
const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
/** The metrics an alarm reads, each as `namespace/name`, whether it reads one metric or an expression over several. */
const metricsOf = (alarm: Resource): string[] =>
  alarm.Properties.MetricName
    ? [`${alarm.Properties.Namespace}/${alarm.Properties.MetricName}`]
    : alarm.Properties.Metrics.filter((query: any) => query.MetricStat).map(
        (query: any) => `${query.MetricStat.Metric.Namespace}/${query.MetricStat.Metric.MetricName}`,
      );

beforeAll(() => {
  template = Template.fromStack(testApp().stack);
  resources = template.toJSON().Resources;
});

describe('operations', () => {
  it('has one alarm topic that refuses publishers without TLS, and every alarm notifies it when it fires and when it clears', () => {
    const topics = ofType('AWS::SNS::Topic');
    expect(topics.map(([, topic]) => topic.Properties.DisplayName).sort()).toEqual(['Portico alarms', 'Portico mail bounces and complaints']);
    for (const [id] of topics)
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: id }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    const topic = { Ref: topics.find(([, candidate]) => candidate.Properties.DisplayName === 'Portico alarms')![0] };
    const alarms = ofType('AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const [id, alarm] of alarms) {
      expect({ id, actions: alarm.Properties.AlarmActions, ok: alarm.Properties.OKActions }).toEqual({ id, actions: [topic], ok: [topic] });
      expect(alarm.Properties.AlarmDescription).toMatch(/Runbook: docs\/operations\.md#\w+$/);
    }
  });

  it('alarms on the API 5xx rate, each function, DynamoDB throttles, each dead-letter queue and webhook failures', () => {
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, alarm]) => alarm);
    const reading = (...metrics: string[]) => alarms.filter((alarm) => JSON.stringify(metricsOf(alarm).sort()) === JSON.stringify(metrics.sort()));

    const [rate] = reading('AWS/ApiGateway/5xx', 'AWS/ApiGateway/Count');
    expect(rate!.Properties).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 2 });
    expect(rate!.Properties.Metrics.find((query: any) => query.Expression).Expression).toBe('IF(requests >= 10, 100 * errors / requests, 0)');

    const functions = ofType('AWS::Lambda::Function').filter(([, fn]) => fn.Properties.Runtime === 'nodejs22.x');
    const watched = reading('AWS/Lambda/Errors').map((alarm) => alarm.Properties.Dimensions[0].Value.Ref);
    expect(watched.sort()).toEqual(functions.map(([id]) => id).sort());

    expect(reading('AWS/DynamoDB/ReadThrottleEvents', 'AWS/DynamoDB/WriteThrottleEvents')).toHaveLength(1);
    expect(reading('AWS/SQS/ApproximateNumberOfMessagesVisible')).toHaveLength(
      Object.keys(consumers).length + effectNames.length + Object.keys(subscribers).length,
    );
    const [webhooks] = reading('Portico/WebhookEventsRejected', 'Portico/WebhookEventsFailed');
    expect(webhooks!.Properties).toMatchObject({ Threshold: 3, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const dimensions = webhooks!.Properties.Metrics.filter((query: any) => query.MetricStat).map((query: any) => query.MetricStat.Metric.Dimensions);
    expect(dimensions).toEqual([[{ Name: 'service', Value: 'portico' }], [{ Name: 'service', Value: 'portico' }]]);
  });

  it("has a dashboard with the alarms, the API, the functions, the table and the product's counts", () => {
    const dashboards = ofType('AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]![1].Properties.DashboardBody);
    for (const text of [
      'Alarms',
      'AWS/ApiGateway',
      'AWS/Lambda',
      'AWS/DynamoDB',
      'ReadThrottleEvents',
      'DocumentsSent',
      'MailsDeferred',
      'WebhookEventsFailed',
      'AttemptsThrottled',
    ])
      expect(body).toContain(text);
  });

  it('subscribes an email address to the alarm topic only when -c alarmEmail is given', () => {
    expect(ofType('AWS::SNS::Subscription').filter(([, subscription]) => subscription.Properties.Protocol === 'email')).toHaveLength(0);
    const withEmail = Template.fromStack(testApp(undefined, { alarmEmail: 'ops@example.com' }).stack);
    const topicId = Object.keys(withEmail.findResources('AWS::SNS::Topic', { Properties: { DisplayName: 'Portico alarms' } }))[0]!;
    const emailSubscriptions = Object.values(withEmail.findResources('AWS::SNS::Subscription', { Properties: { Protocol: 'email' } }));
    expect(emailSubscriptions.map((subscription) => subscription.Properties)).toEqual([
      { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: topicId } },
    ]);
  });

  it('puts the staff pool on Plus with threat protection enforced and the portal pool on Essentials', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolName: 'portico-staff',
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolName: 'portico-portal', UserPoolTier: 'ESSENTIALS', UserPoolAddOns: Match.absent() });
  });
});
