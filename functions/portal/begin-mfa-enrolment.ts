import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { beginEnrolment } from '../core/portal-access/mfa-enrolment.ts';
import { beginMfaEnrolmentRoute } from './session-routes.ts';

export const handler = http(beginMfaEnrolmentRoute, async ({ caller, body }) => ok(await beginEnrolment(caller, body.accessToken)));
