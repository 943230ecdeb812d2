import { readGstEinvoice } from '../core/gst/service.ts';
import { http } from '../core/http/handler.ts';
import { ok } from '../core/http/responses.ts';
import { getGstEinvoiceRoute } from './routes.ts';

export const handler = http(getGstEinvoiceRoute, async ({ caller, params }) => ok(await readGstEinvoice(caller, params.docId)));
