import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { beginStaffEnrolment } from '../core/staff-mfa/service.ts';
import { beginStaffMfaEnrolmentRoute } from './routes.ts';

export const handler = http(beginStaffMfaEnrolmentRoute, async ({ caller, body }) => ok(await beginStaffEnrolment(caller, body.accessToken)));
