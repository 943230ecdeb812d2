import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type EffectName, effectNames } from '../functions/core/consumers.ts';
import { pascal } from './settings/function-groups.ts';

/** A dead-letter queue kept 14 days, whose alarm says someone must look as soon as it holds anything. */
export function alarmedDeadLetterQueue(scope: Construct, id: string, alarmDescription: string): Queue {
  const queue = new Queue(scope, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself a dead-letter destination: it holds what the outbox lane gave up on.',
  });
  new Alarm(scope, `${id}Alarm`, {
    alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    threshold: 0,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  return queue;
}

/** One dead-letter queue per effect of the effect table: an effect that kept failing lands in its own, with its event. */
export class EffectDeadLetters extends Construct {
  readonly queues = {} as Record<EffectName, Queue>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const name of effectNames) {
      this.queues[name] = alarmedDeadLetterQueue(
        this,
        pascal(name),
        `Outbox events whose ${name} effect failed on every retry: each message holds the event, to replay that effect alone.`,
      );
    }
  }
}
