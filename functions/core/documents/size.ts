import { itemBytes, MAX_ITEM_BYTES } from '../db/item-size.ts';
import { Unprocessable } from '../errors.ts';
import { documentItemBytes } from './repository.ts';
import type { StoredDocument } from './schema.ts';

/**
 * What the writer adds to a document's content, at most: ids, number, status
 * and stamps, the author, index keys and the attributes beside the JSON, a
 * decline reason, conversion links.
 */
const BOOKKEEPING_BYTES = 8 * 1024;

/** Refuses content DynamoDB could not store once the writer adds its bookkeeping: checked before a number is taken. */
export function assertContentFits(content: object): void {
  assertFits(itemBytes({ documentJson: JSON.stringify(content) }) + BOOKKEEPING_BYTES);
}

/** Refuses a state of a document DynamoDB could not store, as its writer is about to write it. */
export function assertDocumentFits(document: StoredDocument): void {
  assertFits(documentItemBytes(document));
}

function assertFits(bytes: number): void {
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
