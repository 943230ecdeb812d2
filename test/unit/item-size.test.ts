import { describe, expect, it } from 'vitest';
import { itemBytes } from '../../functions/core/db/item-size.ts';

describe('itemBytes', () => {
  it('counts names and values as DynamoDB does, numbers at their maximum', () => {
    expect(itemBytes('héllo')).toBe(6);
    expect(itemBytes({ a: 'xy', n: 1, skipped: undefined })).toBe(3 + (1 + 1 + 2) + (1 + 1 + 21));
    expect(itemBytes(['a', true, null])).toBe(3 + (1 + 1) + (1 + 1) + (1 + 1));
  });
});
