import { Validations } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { ConfigurationSet, ConfigurationSetEventDestination, EmailSendingEvent, EventDestination } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type SubscriberSpec, subscribers } from '../functions/core/subscribers.ts';
import { deadLetterQueue } from './dead-letter-queues.ts';
import { HandlerFunction } from './handler-function.ts';
import type { Bindables } from './needs-binding.ts';
import { entryFile, pascal } from './settings/function-groups.ts';

/**
 * The configuration set every mail is sent through, and where SES reports what
 * happened to it: bounces and complaints go to a topic that invokes the
 * mail-feedback function (functions/core/email/feedback.ts).
 */
export class MailFeedbackChannel extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly topic: Topic;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet');
    this.topic = new Topic(this, 'Topic', { displayName: 'Portico mail bounces and complaints', enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        "The topic carries SES's bounce and complaint notifications on their way to one function, which keeps only the address and the reason; SES cannot publish to a topic under the AWS-managed SNS key; SSL is enforced.",
    });
    new ConfigurationSetEventDestination(this, 'BouncesAndComplaints', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(this.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
  }
}

/** One function per entry of the subscriber table, subscribed to its topic; an invocation that keeps failing goes to its own queue, alarmed. */
export class TopicSubscribers extends Construct {
  readonly functions = new Map<string, HandlerFunction>();
  readonly deadLetters = new Map<string, Queue>();

  constructor(scope: Construct, id: string, props: { bindables: Bindables; topics: Record<keyof typeof subscribers, Topic> }) {
    super(scope, id);
    for (const [name, spec] of Object.entries(subscribers) as [keyof typeof subscribers, SubscriberSpec][]) {
      const id = pascal(name);
      const deadLetters = deadLetterQueue(this, `${id}DeadLetters`);
      const handler = new HandlerFunction(this, id, { entry: entryFile(spec.entry), needs: spec.needs, bindables: props.bindables });
      handler.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(deadLetters) });
      props.topics[name].addSubscription(new LambdaSubscription(handler));
      this.functions.set(name, handler);
      this.deadLetters.set(name, deadLetters);
    }
  }
}
