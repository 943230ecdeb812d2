import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { completeStaffEnrolment } from '../core/staff-mfa/service.ts';
import { verifyStaffMfaEnrolmentRoute } from './routes.ts';

export const handler = http(verifyStaffMfaEnrolmentRoute, async ({ caller, body }) => ok(await completeStaffEnrolment(caller, body.accessToken, body.code)));
