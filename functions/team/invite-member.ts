import { http } from '../core/http/handler.ts';
import { created } from '../core/http/responses.ts';
import { inviteMember } from '../core/team/service.ts';
import { inviteMemberRoute } from './routes.ts';

export const handler = http(inviteMemberRoute, async ({ caller, body }) => created(await inviteMember(caller, body)));
