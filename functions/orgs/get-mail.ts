import { mailOverview } from '../core/email/overview.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/mail'], async ({ caller }) => ok(await mailOverview(caller)));
