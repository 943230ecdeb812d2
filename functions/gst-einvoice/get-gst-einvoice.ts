import { readGstEinvoice } from '../core/gst/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['GET /v1/orgs/{orgId}/invoices/{docId}/gst-einvoice'], async ({ caller, params }) =>
  ok(await readGstEinvoice(caller, params.docId)),
);
