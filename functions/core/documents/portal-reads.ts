import type { PortalContext } from '../access/context.ts';
import { todayIn } from '../calendar.ts';
import { NotFound } from '../errors.ts';
import { portalListPage } from './portal-list.ts';
import * as documents from './repository.ts';
import type { PortalListInput, StoredDocument } from './schema.ts';
import { portalDocumentView } from './view.ts';

/** Can this person see the document? Only a sent document of their own contact; anything else is 404. */
export function visibleTo(person: PortalContext, document: StoredDocument | undefined): document is StoredDocument {
  return document !== undefined && document.contactId === person.contactId && document.status !== 'draft';
}

/** A document the person may see (the organization comes from the token, so another tenant's is never even read). */
export async function requirePortalDocument(person: PortalContext, docId: string): Promise<StoredDocument> {
  const document = await documents.getDocument(person.orgId, docId);
  if (!visibleTo(person, document)) throw new NotFound('Document');
  return document;
}

/** The person's contact's sent documents by kind, status and number, newest or soonest due first, with their count and balances. */
export async function listPortalDocuments(person: PortalContext, query: PortalListInput) {
  const on = todayIn(person.organization);
  const all = await documents.allContactDocuments(person.orgId, person.contactId);
  return portalListPage(
    all.map((document) => portalDocumentView(document, on)),
    query,
  );
}
