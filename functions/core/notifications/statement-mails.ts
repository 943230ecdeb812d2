import { readerLanguage } from '../contacts/language.ts';
import type { Contact } from '../contacts/schema.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import type { Language } from '../i18n/languages.ts';
import type { Organization } from '../orgs/schema.ts';
import { portalUrl } from '../orgs/view.ts';
import type { OutboxEventData } from '../outbox/events.ts';
import { statementPage, statementSource } from '../receivables/service.ts';
import { type StatementFile, statementPdf } from '../receivables/statement-file.ts';
import type { Mail } from './mails.ts';

/**
 * One mail per person the statement was sent to (a person removed since gets
 * none), in their language, with the statement's PDF in that language
 * attached: each language's PDF is rendered once, from the contact's entries
 * as they are when the mail goes.
 */
export async function statementMails(organization: Organization, contact: Contact, data: OutboxEventData['statement.emailed']): Promise<Mail<'statement'>[]> {
  const source = await statementSource(organization, contact, data);
  const { openingBalance, closingBalance } = statementPage(source, { limit: 1 });
  const pdfs = new Map<Language, Promise<StatementFile>>();
  const pdfIn = (language: Language) => {
    if (!pdfs.has(language)) pdfs.set(language, statementPdf(source, language));
    return pdfs.get(language)!;
  };
  const portal = portalUrl(organization.portalName);
  const persons = data.recipients.flatMap((id) => contact.persons.filter((person) => person.id === id));
  return Promise.all(
    persons.map(async (person) => {
      const language = readerLanguage(organization, contact, person);
      const pdf = await pdfIn(language);
      return {
        template: 'statement' as const,
        recipient: person.id,
        to: person.email,
        language,
        attachments: [{ filename: pdf.filename, contentType: 'application/pdf', content: pdf.content }],
        values: {
          contactName: contact.name,
          personName: person.name,
          orgName: organization.name,
          portalUrl: portal ?? '',
          period: `${formatDate(source.from, language)} – ${formatDate(source.to, language)}`,
          currency: source.currency,
          openingBalance: formatMoney(openingBalance, source.currency, language),
          closingBalance: formatMoney(closingBalance, source.currency, language),
          statementUrl: portal ? `${portal}/statement` : '',
        },
      };
    }),
  );
}
