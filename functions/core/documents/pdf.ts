import { logoBytes } from '../branding/logo-service.ts';
import { todayIn } from '../calendar.ts';
import { readerLanguage } from '../contacts/language.ts';
import type { Contact } from '../contacts/schema.ts';
import { requireContact } from '../contacts/service.ts';
import type { Language } from '../i18n/languages.ts';
import type { Organization } from '../orgs/schema.ts';
import { requireOrganization } from '../orgs/service.ts';
import { renderDocumentPdf } from '../pdf/document-pdf.ts';
import type { StoredDocument } from './schema.ts';
import { effectiveStatus } from './status.ts';

/** A rendered PDF and the name it is offered under. */
export interface DocumentFile {
  content: Buffer;
  filename: string;
}

function addressText(address: Organization['address']): string | undefined {
  const parts = [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country];
  const text = parts.filter((part) => part !== undefined && part !== '').join(', ');
  return text === '' ? undefined : text;
}

/**
 * The PDF of a document, from what Portico stores and nothing else (no URL or
 * font is fetched while rendering): the organization's name, address, brand
 * colour and uploaded logo, the contact, and the very totals the API returns,
 * in the reader's language (a person's, else the contact's, else the organization's).
 */
export async function documentPdf(
  organization: Organization,
  contact: Contact,
  document: StoredDocument,
  language: Language = readerLanguage(organization, contact),
): Promise<DocumentFile> {
  const logo = organization.branding.logo && (await logoBytes(organization.branding.logo));
  const pdf = await renderDocumentPdf({
    language,
    organization: {
      name: organization.name,
      address: addressText(organization.address),
      brandColor: organization.branding.color ?? undefined,
      ...(logo && { logo }),
    },
    contact: { name: contact.name, email: contact.email },
    document: { ...document, status: effectiveStatus(document, todayIn(organization)) },
  });
  return { content: pdf, filename: `${document.number}.pdf` };
}

/** The PDF of a document of this organization, reading organization and contact alongside. */
export async function pdfOf(document: StoredDocument): Promise<DocumentFile> {
  const [organization, contact] = await Promise.all([requireOrganization(document.orgId), requireContact(document.orgId, document.contactId)]);
  return documentPdf(organization, contact, document);
}
