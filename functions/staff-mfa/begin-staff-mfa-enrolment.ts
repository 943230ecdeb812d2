import { routes } from './routes.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { beginStaffEnrolment } from '../core/staff-mfa/service.ts';

export const handler = http(routes['POST /v1/me/mfa'], async ({ caller, body }) => ok(await beginStaffEnrolment(caller, body.accessToken)));
