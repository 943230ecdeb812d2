import { documentArchive } from '../core/documents/archive.ts';
import { http } from '../core/http/handler.ts';
import { zipFile } from '../core/http/responses.ts';
import { getDocumentArchiveRoute } from './routes.ts';

export const handler = http(getDocumentArchiveRoute, async ({ caller, query }) =>
  zipFile(await documentArchive(caller.organization, caller.contact, query.cursor)),
);
