import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { readOutboxEvent, UnreadableEvent } from '../../functions/core/outbox/record.ts';

const event = {
  id: 'evt_1',
  eventType: 'payment.received',
  orgId: 'org_1',
  at: '2026-03-31T10:00:00.000Z',
  actor: { type: 'staff', id: 'sub-1' },
  data: { docId: 'doc_1', paymentId: 'pay_1', amount: 1234, currency: 'EUR', date: '2026-03-31', balance: 0 },
};

/** A stream record of an outbox item, as Lambda hands it over. */
const recordOf = (item: Record<string, unknown>): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: { NewImage: marshall(item) as Record<string, LambdaAttributeValue>, SequenceNumber: '1' },
});

describe('outbox events read from the stream', () => {
  it('reads an event back from its item, key attributes aside', () => {
    expect(readOutboxEvent(recordOf({ PK: 'ORG#org_1#EVENT#evt_1', SK: 'EVENT', type: 'outbox', expiresAt: 1, ...event }))).toEqual(event);
  });

  it('refuses malformed data, unknown event types and records without an image, naming fields only', () => {
    expect(() => readOutboxEvent(recordOf({ ...event, data: { docId: 'doc_1', amount: 'secret text' } }))).toThrow(UnreadableEvent);
    expect(() => readOutboxEvent(recordOf({ ...event, data: { ...event.data, amount: 'secret text' } }))).toThrow(/data\.amount invalid_type/);
    expect(() => readOutboxEvent(recordOf({ ...event, data: { ...event.data, amount: 'secret text' } }))).not.toThrow(/secret/);
    expect(() => readOutboxEvent(recordOf({ ...event, eventType: 'invoice.exploded' }))).toThrow(UnreadableEvent);
    expect(() => readOutboxEvent({ eventName: 'INSERT', dynamodb: {} })).toThrow(UnreadableEvent);
  });
});
