import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { removeMember } from '../core/team/service.ts';
import { removeMemberRoute } from './routes.ts';

export const handler = http(removeMemberRoute, async ({ caller, params }) => {
  await removeMember(caller, params.staffId);
  return noContent();
});
