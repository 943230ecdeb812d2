import { itemBytes, MAX_ITEM_BYTES } from '../db/item-size.ts';
import { Unprocessable } from '../errors.ts';

/**
 * What the writer adds to a document's content, at most: ids, number, status
 * and stamps, the author, index keys, a decline reason, conversion links.
 */
export const BOOKKEEPING_BYTES = 8 * 1024;

/**
 * Refuses a document DynamoDB could not store, before anything is written:
 * content is checked with room for its bookkeeping (before a number is taken),
 * and the writer checks every state it writes.
 */
export function assertDocumentFits(document: object, reserve = 0): void {
  const bytes = itemBytes(document) + reserve;
  if (bytes > MAX_ITEM_BYTES) {
    throw new Unprocessable(
      'DOCUMENT_TOO_LARGE',
      `The document would take ${bytes} bytes; at most ${MAX_ITEM_BYTES} fit. Shorten descriptions, notes or terms, or split it.`,
      {
        bytes,
        maxBytes: MAX_ITEM_BYTES,
      },
    );
  }
}
