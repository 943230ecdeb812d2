import { requireDocument } from '../core/documents/lookup.ts';
import { eInvoiceOf } from '../core/e-invoices/service.ts';
import { http } from '../core/http/handler.ts';
import { download } from '../core/http/responses.ts';
import { getDocumentEInvoiceRoute } from './routes.ts';

export const handler = http(getDocumentEInvoiceRoute, async ({ caller, params, query }) => {
  const eInvoice = await eInvoiceOf(await requireDocument(caller.orgId, params.kind, params.docId), query.format);
  return download(eInvoice.content, eInvoice.contentType, eInvoice.filename);
});
