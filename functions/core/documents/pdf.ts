import { todayIn } from '../calendar.ts';
import type { Contact } from '../contacts/schema.ts';
import { requireContact } from '../contacts/service.ts';
import type { Organization } from '../orgs/schema.ts';
import { requireOrganization } from '../orgs/service.ts';
import { addressOf } from '../orgs/view.ts';
import type { Address } from '../parties/schema.ts';
import { renderDocumentPdf } from '../pdf/document-pdf.ts';
import type { StoredDocument } from './schema.ts';
import { effectiveStatus } from './status.ts';

/** A rendered PDF and the name it is offered under. */
export interface DocumentFile {
  content: Buffer;
  filename: string;
}

function addressText(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  const parts = [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country];
  const text = parts.filter((part) => part !== undefined && part !== '').join(', ');
  return text === '' ? undefined : text;
}

/**
 * The PDF of a document, from what is stored and nothing else (no logo or
 * font is fetched while rendering): the organization's name, address and
 * brand colour, the contact, and the very totals the API returns.
 */
export async function documentPdf(organization: Organization, contact: Contact, document: StoredDocument): Promise<DocumentFile> {
  const pdf = await renderDocumentPdf({
    organization: { name: organization.name, address: addressText(addressOf(organization)), brandColor: organization.branding.color ?? undefined },
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
