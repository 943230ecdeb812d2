import { Duration, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type MetricName, metricsNamespace, metricsService } from '../functions/core/metrics.ts';
import { pascal } from './settings/function-groups.ts';

export interface AlarmsProps {
  api: HttpApi;
  table: TableV2;
  /** Every function of the stack, by name. */
  functions: Map<string, IFunction>;
  /** Each stream consumer's dead-letter queue, by consumer name. */
  deadLetters: Map<string, Queue>;
  /** Each outbox effect's dead-letter queue, by effect name. */
  effectDeadLetters: Record<string, Queue>;
  /** Subscribed to the topic by email when given (`-c alarmEmail=…`). */
  alarmEmail?: string;
}

const RUNBOOK = 'Runbook: docs/operations.md';
const fiveMinutes = Duration.minutes(5);

/** One of the product's own counts (functions/core/metrics.ts), as CloudWatch holds it. */
export const productMetric = (name: MetricName, period = fiveMinutes) =>
  new Metric({ namespace: metricsNamespace, metricName: name, dimensionsMap: { service: metricsService }, statistic: 'Sum', period });

/**
 * The alarms someone must act on, each with its runbook entry, all notifying
 * one SNS topic (and telling it when they are OK again). The operator
 * subscribes to the topic: by email with `-c alarmEmail=…`, or any other way.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Portico alarms', enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'The topic carries alarm state changes only (alarm names and metric values, no customer data). CloudWatch cannot publish to a topic under the AWS-managed SNS key, and a customer-managed key would protect nothing secret; SSL is enforced.',
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    this.add('Api5xxRate', {
      description: 'More than 5 % of API requests answered 5xx over 10 minutes (at least 10 requests)',
      metric: new MathExpression({
        expression: 'IF(requests >= 10, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: props.api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
          requests: props.api.metricCount({ period: fiveMinutes, statistic: 'Sum' }),
        },
        label: 'API 5xx %',
        period: fiveMinutes,
      }),
      threshold: 5,
      evaluationPeriods: 2,
    });
    for (const [name, fn] of props.functions) {
      this.add(`${name}Errors`, {
        description: `The ${name} function failed (an error or a timeout, not a 4xx answer)`,
        metric: fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }),
      });
    }
    this.add('TableThrottles', {
      description: 'DynamoDB throttled reads or writes of the table',
      metric: new MathExpression({
        expression: 'FILL(reads, 0) + FILL(writes, 0)',
        usingMetrics: {
          reads: props.table.metric('ReadThrottleEvents', { period: fiveMinutes, statistic: 'Sum' }),
          writes: props.table.metric('WriteThrottleEvents', { period: fiveMinutes, statistic: 'Sum' }),
        },
        label: 'Throttle events',
        period: fiveMinutes,
      }),
    });
    for (const [name, queue] of props.deadLetters) {
      this.add(`${name}DeadLetters`, {
        description: `Outbox events the ${name} consumer gave up on: read their stream positions from the queue`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      });
    }
    for (const [name, queue] of Object.entries(props.effectDeadLetters)) {
      this.add(`${pascal(name)}EffectDeadLetters`, {
        description: `Outbox events whose ${name} effect failed on every retry: each message holds the event, to replay that effect alone`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      });
    }
    this.add('WebhookFailures', {
      description: 'Stripe webhook deliveries refused (bad signature) or failed: 3 or more in 15 minutes',
      metric: new MathExpression({
        expression: 'FILL(rejected, 0) + FILL(failed, 0)',
        usingMetrics: {
          rejected: productMetric('WebhookEventsRejected', Duration.minutes(15)),
          failed: productMetric('WebhookEventsFailed', Duration.minutes(15)),
        },
        label: 'Webhook deliveries refused or failed',
        period: Duration.minutes(15),
      }),
      threshold: 3,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }

  private add(
    id: string,
    options: { description: string; metric: IMetric; threshold?: number; evaluationPeriods?: number; comparisonOperator?: ComparisonOperator },
  ) {
    const alarm = new Alarm(this, id, {
      alarmDescription: `${options.description}. ${RUNBOOK}#${id.replace(/^.*(Errors|DeadLetters)$/, '$1').toLowerCase()}`,
      metric: options.metric,
      threshold: options.threshold ?? 0,
      comparisonOperator: options.comparisonOperator ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
