import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { removeMember } from '../core/team/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/orgs/{orgId}/members/{staffId}'], async ({ caller, params }) => {
  await removeMember(caller, params.staffId);
  return noContent();
});
