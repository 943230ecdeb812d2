import { requireContact } from '../core/contacts/lookup.ts';
import { documentArchive } from '../core/documents/archive.ts';
import { http } from '../core/http/handler.ts';
import { zipFile } from '../core/http/responses.ts';
import { getContactArchiveRoute } from './routes.ts';

export const handler = http(getContactArchiveRoute, async ({ caller, params, query }) =>
  zipFile(await documentArchive(caller.organization, await requireContact(caller.orgId, params.contactId), query.cursor)),
);
