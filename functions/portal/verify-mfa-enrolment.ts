import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { completeEnrolment } from '../core/portal-access/mfa.ts';
import { verifyMfaEnrolmentRoute } from './session-routes.ts';

export const handler = http(verifyMfaEnrolmentRoute, async ({ caller, body }) => ok(await completeEnrolment(caller, body.accessToken, body.code)));
