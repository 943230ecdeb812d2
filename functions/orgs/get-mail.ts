import { mailOverview } from '../core/email/overview.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { getMailRoute } from './routes.ts';

export const handler = http(getMailRoute, async ({ caller }) => ok(await mailOverview(caller)));
