/** DynamoDB refuses an item over 400 KB (names and values together). */
export const MAX_ITEM_BYTES = 400 * 1024;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * An item's size as DynamoDB counts it, rounded up where its rules leave room:
 * strings and names in UTF-8 bytes, a number at its 21-byte maximum, 1 byte for
 * a boolean or null, 3 bytes for a map or list plus 1 per element.
 */
export function itemBytes(value: unknown): number {
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return 21;
  if (typeof value === 'boolean' || value === null) return 1;
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, element) => sum + 1 + itemBytes(element), 0);
  if (typeof value === 'object') {
    return (
      3 +
      Object.entries(value as Record<string, unknown>).reduce(
        (sum, [name, element]) => (element === undefined ? sum : sum + 1 + utf8(name) + itemBytes(element)),
        0,
      )
    );
  }
  return 0;
}
