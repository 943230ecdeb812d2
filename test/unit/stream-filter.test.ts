import { describe, expect, it } from 'vitest';
import { consumers, streamFilter } from '../../functions/core/consumers.ts';
import { matchesFilter } from '../../scripts/local/stream-filter.ts';

const record = (eventName: string, image: Record<string, { S: string }>) => ({ eventName, dynamodb: { Keys: {}, NewImage: image } });
const outbox = (eventType: string) => ({ type: { S: 'outbox' }, eventType: { S: eventType } });

describe("the consumers' stream filter", () => {
  const filter = streamFilter(consumers.dispatcher);

  it("lets new outbox items of the consumer's event types through", () => {
    for (const eventType of consumers.dispatcher.events) expect(matchesFilter(filter, record('INSERT', outbox(eventType)))).toBe(true);
  });

  it('drops other items, other event types, changes and removals', () => {
    expect(matchesFilter(filter, record('INSERT', { type: { S: 'effect' } }))).toBe(false);
    expect(matchesFilter(filter, record('INSERT', { ...outbox('document.sent'), type: { S: 'document' } }))).toBe(false);
    expect(matchesFilter(filter, record('INSERT', outbox('invoice.exploded')))).toBe(false);
    expect(matchesFilter(filter, record('MODIFY', outbox('document.sent')))).toBe(false);
    expect(matchesFilter(filter, { eventName: 'REMOVE', dynamodb: { Keys: {} } })).toBe(false);
  });
});
