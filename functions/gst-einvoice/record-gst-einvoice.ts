import { recordGstEinvoice } from '../core/gst/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['PUT /v1/orgs/{orgId}/invoices/{docId}/gst-einvoice'], async ({ caller, params, body }) =>
  ok(await recordGstEinvoice(caller, params.docId, body)),
);
