import type { Context, SNSEvent } from 'aws-lambda';
import { subscribers } from '../../functions/core/subscribers.ts';
import type { InvokeWithEnvironment } from './function-environment.ts';
import { lambdaContext, loadHandler } from './handler-loader.ts';

type SubscriberHandler = (event: SNSEvent, context: Context) => Promise<void>;

/** Invokes a topic's subscriber with one message, as SNS does: one record per invocation. */
export async function publishTo(name: keyof typeof subscribers, message: string, invokeWithEnvironment: InvokeWithEnvironment): Promise<void> {
  const spec = subscribers[name];
  const handler = await loadHandler<SubscriberHandler>(spec.entry);
  const event = {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `arn:aws:sns:local:000000000000:${name}`,
        Sns: {
          Type: 'Notification',
          MessageId: crypto.randomUUID(),
          TopicArn: `arn:aws:sns:local:000000000000:${name}`,
          Message: message,
          Timestamp: new Date().toISOString(),
        },
      },
    ],
  } as unknown as SNSEvent;
  await invokeWithEnvironment(spec.needs, () => handler(event, lambdaContext(spec.entry)));
}
