import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { answerChallenge } from '../core/portal-access/challenges.ts';
import { answerChallengeRoute } from './session-routes.ts';

export const handler = http(answerChallengeRoute, async ({ params, body, client }) => ok(await answerChallenge(params.portalName, body, client)));
