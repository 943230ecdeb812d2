import { requirePortalDocument } from '../core/documents/portal-reads.ts';
import { eInvoiceOf } from '../core/e-invoices/service.ts';
import { http } from '../core/http/handler.ts';
import { download } from '../core/http/responses.ts';
import { getDocumentEInvoiceRoute } from './routes.ts';

export const handler = http(getDocumentEInvoiceRoute, async ({ caller, params, query }) => {
  const document = await requirePortalDocument(caller, params.docId);
  const eInvoice = await eInvoiceOf(document, query.format, { organization: caller.organization, contact: caller.contact });
  return download(eInvoice.content, eInvoice.contentType, eInvoice.filename);
});
