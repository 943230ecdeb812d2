import { readerLanguage } from '../core/contacts/language.ts';
import { documentPdf } from '../core/documents/pdf.ts';
import { requirePortalDocument } from '../core/documents/portal-reads.ts';
import { http } from '../core/http/handler.ts';
import { pdfFile } from '../core/http/responses.ts';
import { getDocumentPdfRoute } from './routes.ts';

export const handler = http(getDocumentPdfRoute, async ({ caller, params }) =>
  pdfFile(
    await documentPdf(
      caller.organization,
      caller.contact,
      await requirePortalDocument(caller, params.docId),
      readerLanguage(caller.organization, caller.contact, caller.person),
    ),
  ),
);
