import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { beginStaffEnrolment } from '../core/staff-mfa/service.ts';
import { routes } from './routes.ts';

export const handler = http(routes['POST /v1/me/mfa'], async ({ caller, body }) => ok(await beginStaffEnrolment(caller, body.accessToken)));
