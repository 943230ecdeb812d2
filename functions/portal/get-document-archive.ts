import { documentArchive } from '../core/documents/archive.ts';
import { http } from '../core/http/handler.ts';
import { zipFile } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/portal/{portalName}/documents/archive'], async ({ caller, query }) =>
  zipFile(await documentArchive(caller.organization, caller.contact, query.cursor)),
);
