import { requireContact } from '../core/contacts/lookup.ts';
import { documentArchive } from '../core/documents/archive.ts';
import { http } from '../core/http/handler.ts';
import { zipFile } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/contacts/{contactId}/documents/archive'], async ({ caller, params, query }) =>
  zipFile(await documentArchive(caller.organization, await requireContact(caller.orgId, params.contactId), query.cursor)),
);
