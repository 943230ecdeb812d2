import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { OutboxEvent } from './events.ts';
import { OutboxEventSchema } from './schema.ts';

/** A stream record that is not a well-formed outbox event: it fails, is retried, and ends in the dead letters. */
export class UnreadableEvent extends Error {
  override name = 'UnreadableEvent';
}

/** The outbox event in a stream record's new image. Issues name fields only: the image may hold customer text. */
export function readOutboxEvent(record: DynamoDBRecord): OutboxEvent {
  const image = record.dynamodb?.NewImage;
  if (!image) throw new UnreadableEvent('The record has no new image.');
  // Lambda's and the SDK's attribute value types differ only in how they type binary values, which outbox items have none of.
  const parsed = OutboxEventSchema.safeParse(unmarshall(image as Record<string, AttributeValue>));
  if (parsed.success) return parsed.data;
  throw new UnreadableEvent(`Invalid outbox event: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.code}`).join(', ')}`);
}
