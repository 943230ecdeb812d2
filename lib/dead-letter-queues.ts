import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type EffectName, effectNames } from '../functions/core/consumers.ts';
import { pascal } from './settings/function-groups.ts';

/** A dead-letter queue kept 14 days; lib/alarms.ts alarms as soon as it holds anything. */
export function deadLetterQueue(scope: Construct, id: string): Queue {
  const queue = new Queue(scope, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: 'This queue is itself a dead-letter destination: it holds what the outbox lane gave up on.',
  });
  return queue;
}

/** One dead-letter queue per effect of the effect table: an effect that kept failing lands in its own, with its event. */
export class EffectDeadLetters extends Construct {
  readonly queues = {} as Record<EffectName, Queue>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    for (const name of effectNames) {
      this.queues[name] = deadLetterQueue(this, pascal(name));
    }
  }
}
