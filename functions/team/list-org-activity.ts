import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { orgActivity } from '../core/team/service.ts';
import { listOrgActivityRoute } from './routes.ts';

export const handler = http(listOrgActivityRoute, async ({ caller, query }) => ok(await orgActivity(caller, query)));
