import { getContact } from '../contacts/repository.ts';
import { getDocument } from '../documents/repository.ts';
import { NotFound } from '../errors.ts';
import { getOrganization } from '../orgs/repository.ts';

/** The contact an event is about, with its organization, as they are now; read inside the event's organization only. */
export async function contactContext(orgId: string, contactId: string) {
  const [organization, contact] = await Promise.all([getOrganization(orgId), getContact(orgId, contactId)]);
  if (!organization) throw new NotFound('Organization');
  if (!contact) throw new NotFound('Contact');
  return { organization, contact };
}

/** The document an event is about, with its organization and contact, as they are now; read inside the event's organization only. */
export async function documentContext(orgId: string, docId: string) {
  const document = await getDocument(orgId, docId);
  if (!document) throw new NotFound('Document');
  return { ...(await contactContext(orgId, document.contactId)), document };
}
