import type { PortalContext, StaffContext } from '../access/context.ts';
import { readerLanguage } from '../contacts/language.ts';
import { requireContact } from '../contacts/lookup.ts';
import type { Language } from '../i18n/languages.ts';
import { buyerParty, sellerParty } from '../parties/party.ts';
import { pdfParties } from '../pdf/parties.ts';
import { renderStatementPdf, type StatementPdfLine } from '../pdf/statement-pdf.ts';
import { MAX_STATEMENT_LINES, type StatementRange } from './schema.ts';
import { type StatementSource, statementPage, statementSource } from './service.ts';
import { requirePrintable } from './statement-limits.ts';

/** A rendered statement and the name it is offered under. */
export interface StatementFile {
  content: Buffer;
  filename: string;
}

/**
 * The whole period's statement in one currency as a PDF, in `language`: built
 * from the same pages the JSON route answers (each at most
 * MAX_STATEMENT_LINES lines), drawn one page after the other.
 */
export async function statementPdf(source: StatementSource, language: Language): Promise<StatementFile> {
  requirePrintable(source);
  const { organization, contact } = source;
  const first = statementPage(source, { limit: MAX_STATEMENT_LINES });
  const content = await renderStatementPdf(
    {
      language,
      ...(await pdfParties(organization, contact, sellerParty(organization), buyerParty(contact))),
      currency: first.currency,
      from: first.from,
      to: first.to,
      openingBalance: first.openingBalance,
      totals: first.totals,
      closingBalance: first.closingBalance,
      aging: first.aging,
    },
    linePages(source, first),
  );
  return { content, filename: `statement-${first.currency}-${first.from}-${first.to}.pdf` };
}

/** The statement's lines a page at a time, from the first page on: the next is built only once the renderer asks for it. */
function* linePages(source: StatementSource, first: ReturnType<typeof statementPage>): Generator<StatementPdfLine[]> {
  let page = first;
  yield page.lines;
  while (page.nextCursor !== null) {
    page = statementPage(source, { limit: MAX_STATEMENT_LINES, cursor: page.nextCursor });
    yield page.lines;
  }
}

/** Staff's PDF of a contact's statement, in the contact's language (else the organization's). */
export async function staffStatementPdf(caller: StaffContext, contactId: string, range: StatementRange): Promise<StatementFile> {
  const contact = await requireContact(caller.orgId, contactId);
  return statementPdf(await statementSource(caller.organization, contact, range), readerLanguage(caller.organization, contact));
}

/** A portal person's PDF of their own contact's statement, in their language. */
export async function portalStatementPdf(caller: PortalContext, range: StatementRange): Promise<StatementFile> {
  const { organization, contact, person } = caller;
  return statementPdf(await statementSource(organization, contact, range), readerLanguage(organization, contact, person));
}
