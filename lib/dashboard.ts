import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { AlarmStatusWidget, Dashboard, GraphWidget, type IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { MetricName } from '../functions/core/metrics.ts';
import { productMetric } from './alarms.ts';

export interface OperationsDashboardProps {
  api: HttpApi;
  table: TableV2;
  functions: Map<string, IFunction>;
  alarms: IAlarm[];
}

const fiveMinutes = Duration.minutes(5);
const counts = (names: MetricName[]) => names.map((name) => productMetric(name));

/** One page for the operator: the alarms, the API, the functions, the table and the product's own counts. */
export function createOperationsDashboard(scope: Construct, props: OperationsDashboardProps): Dashboard {
  const functions = [...props.functions];
  const dashboard = new Dashboard(scope, 'Dashboard', { defaultInterval: Duration.hours(24) });
  dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24 }));
  dashboard.addWidgets(
    new GraphWidget({
      title: 'API requests and errors',
      left: [props.api.metricCount({ period: fiveMinutes, statistic: 'Sum' })],
      right: [props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }), props.api.metricClientError({ period: fiveMinutes, statistic: 'Sum' })],
      width: 12,
    }),
    new GraphWidget({
      title: 'API latency (p50, p99)',
      left: [props.api.metricLatency({ period: fiveMinutes, statistic: 'p50' }), props.api.metricLatency({ period: fiveMinutes, statistic: 'p99' })],
      width: 12,
    }),
  );
  dashboard.addWidgets(
    new GraphWidget({
      title: 'Function errors',
      left: functions.map(([name, fn]) => fn.metricErrors({ period: fiveMinutes, statistic: 'Sum', label: name })),
      width: 12,
    }),
    new GraphWidget({
      title: 'Function duration p99',
      left: functions.map(([name, fn]) => fn.metricDuration({ period: fiveMinutes, statistic: 'p99', label: name })),
      width: 12,
    }),
  );
  dashboard.addWidgets(
    new GraphWidget({
      title: 'DynamoDB capacity used',
      left: [
        props.table.metricConsumedReadCapacityUnits({ period: fiveMinutes, statistic: 'Sum' }),
        props.table.metricConsumedWriteCapacityUnits({ period: fiveMinutes, statistic: 'Sum' }),
      ],
      width: 12,
    }),
    new GraphWidget({
      title: 'DynamoDB throttles',
      left: ['ReadThrottleEvents', 'WriteThrottleEvents'].map((name) => props.table.metric(name, { period: fiveMinutes, statistic: 'Sum' })),
      width: 12,
    }),
  );
  dashboard.addWidgets(
    new GraphWidget({ title: 'Documents and money', left: counts(['DocumentsSent', 'PaymentsApplied', 'RefundsApplied']), width: 8 }),
    new GraphWidget({ title: 'Mails', left: counts(['MailsSent', 'MailsDeferred', 'MailsHeld']), width: 8 }),
    new GraphWidget({ title: 'Throttled sign-in and reset attempts', left: counts(['AttemptsThrottled']), width: 8 }),
  );
  dashboard.addWidgets(
    new GraphWidget({
      title: 'Stripe webhook outcomes',
      left: counts(['WebhookEventsApplied', 'WebhookEventsDuplicate', 'WebhookEventsIgnored', 'WebhookEventsRejected', 'WebhookEventsFailed']),
      width: 24,
    }),
  );
  return dashboard;
}
