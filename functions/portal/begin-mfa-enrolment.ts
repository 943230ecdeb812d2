import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { beginEnrolment } from '../core/portal-access/mfa-enrolment.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/portal/{portalName}/me/mfa'], async ({ caller, body }) => ok(await beginEnrolment(caller, body.accessToken)));
