import { zipSync } from 'fflate';
import { clock } from '../clock.ts';
import type { Contact } from '../contacts/schema.ts';
import { keys } from '../db/keys.ts';
import { encodeCursor } from '../db/pages.ts';
import type { Organization } from '../orgs/schema.ts';
import { documentPdf } from './pdf.ts';
import { listContactDocuments } from './repository.ts';
import type { StoredDocument } from './schema.ts';

/**
 * A zip of a contact's sent documents' PDFs, newest first. An API Gateway
 * answer holds at most 6 MB (base64), so one archive holds at most
 * `ARCHIVE_LIMITS.documents` PDFs and `ARCHIVE_LIMITS.bytes` of them; a contact
 * with more gets the newest that fit, and `manifest.json` in the zip (and the
 * `x-next-cursor` header) leads to the next archive. The PDFs are stored, not
 * deflated again: they are compressed already, and building stays fast.
 */
export const ARCHIVE_LIMITS = { documents: 25, bytes: 4 * 1024 * 1024 } as const;

export interface DocumentArchive {
  content: Buffer;
  filename: string;
  /** Where the next archive starts; null when this one holds the rest. */
  nextCursor: string | null;
}

interface ManifestEntry {
  file: string;
  id: string;
  kind: StoredDocument['kind'];
  number: string;
  issueDate: string;
  status: StoredDocument['status'];
}

/** The contact's documents from `cursor` on, as far as the limits allow. Read inside the organization and contact given, never another's. */
export async function documentArchive(organization: Organization, contact: Contact, cursor?: string): Promise<DocumentArchive> {
  const page = await listContactDocuments(organization.id, contact.id, { limit: ARCHIVE_LIMITS.documents, cursor });
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  const manifest: ManifestEntry[] = [];
  let bytes = 0;
  let nextCursor = page.nextCursor;
  for (const document of page.items) {
    const pdf = await documentPdf(organization, contact, document);
    if (manifest.length > 0 && bytes + pdf.content.byteLength > ARCHIVE_LIMITS.bytes) {
      nextCursor = cursorAfter(manifest.at(-1)!, organization.id, contact.id);
      break;
    }
    const file = uniqueName(files, pdf.filename);
    files[file] = [pdf.content, { level: 0 }];
    bytes += pdf.content.byteLength;
    manifest.push({ file, id: document.id, kind: document.kind, number: document.number, issueDate: document.issueDate, status: document.status });
  }
  const summary = {
    organization: organization.name,
    contact: contact.name,
    createdAt: clock.iso(),
    documents: manifest,
    complete: nextCursor === null,
    nextCursor,
  };
  files['manifest.json'] = [new TextEncoder().encode(`${JSON.stringify(summary, null, 2)}\n`), { level: 0 }];
  return { content: Buffer.from(zipSync(files)), filename: 'documents.zip', nextCursor };
}

/** The cursor of the contact's document list just after this one (its GSI2 key): the next archive starts there. */
function cursorAfter(entry: ManifestEntry, orgId: string, contactId: string): string | null {
  return encodeCursor({ ...keys.document(orgId, entry.id), ...keys.contactDocumentIndex(orgId, contactId, entry.issueDate, entry.id) });
}

/** Numbers are unique per kind; should two files still share a name, the later gets a suffix. */
function uniqueName(files: Record<string, unknown>, filename: string): string {
  if (!(filename in files)) return filename;
  const stem = filename.replace(/\.pdf$/, '');
  let n = 2;
  while (`${stem}-${n}.pdf` in files) n += 1;
  return `${stem}-${n}.pdf`;
}
