import { NotFound } from '../errors.ts';
import type { DocumentKind } from './kinds.ts';
import * as documents from './repository.ts';
import type { StoredDocument } from './schema.ts';

/** A document of the organization, of the kind in the path; anything else is 404. */
export async function requireDocument(orgId: string, kind: DocumentKind, docId: string): Promise<StoredDocument> {
  const document = await documents.getDocument(orgId, docId);
  if (!document || document.kind !== kind) throw new NotFound('Document');
  return document;
}
