import { updatePerson } from '../core/contacts/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['PATCH /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}'], async ({ caller, params, body }) =>
  ok(await updatePerson(caller, params.contactId, params.personId, body)),
);
