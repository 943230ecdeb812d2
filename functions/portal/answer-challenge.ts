import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { answerChallenge } from '../core/portal-access/challenges.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/sessions/challenge'], async ({ params, body, client }) =>
  ok(await answerChallenge(params.portalName, body, client)),
);
