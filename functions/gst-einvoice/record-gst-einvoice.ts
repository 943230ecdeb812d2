import { recordGstEinvoice } from '../core/gst/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { recordGstEinvoiceRoute } from './routes.ts';

export const handler = http(recordGstEinvoiceRoute, async ({ caller, params, body }) => ok(await recordGstEinvoice(caller, params.docId, body)));
