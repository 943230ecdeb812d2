import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { encodeCursor, type Page, queryPage } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { versionedUpdate } from '../db/versioned-update.ts';
import { Conflict, StaleWrite } from '../errors.ts';
import type { Contact } from './schema.ts';

/** Creates a contact with its persons. */
export function putContactStep(orgId: string, contact: Contact): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.contact(orgId, contact.id), type: 'contact', ...contact },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  };
}

/** Reads one contact of an organization, persons included. */
export async function getContact(orgId: string, contactId: string): Promise<Contact | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.contact(orgId, contactId) }));
  return Item ? withoutKeys<Contact>(Item) : undefined;
}

/** One page of an organization's contacts, in id order. */
export async function listContacts(orgId: string, limit: number, cursor: string | undefined): Promise<Page<Contact>> {
  const page = await queryPage(keys.contactPrefix(orgId), limit, cursor);
  return { ...page, items: page.items.map((item) => withoutKeys<Contact>(item)) };
}

/** One page of an organization's contacts after a given one (by id): reports that walk every contact. */
export async function listContactsAfter(orgId: string, limit: number, afterContactId: string | undefined): Promise<Page<Contact>> {
  return listContacts(orgId, limit, afterContactId === undefined ? undefined : (encodeCursor(keys.contact(orgId, afterContactId)) ?? undefined));
}

/** Changes a contact (and its embedded persons) only if it is still at the version it was read at. */
export function updateContactStep(orgId: string, contact: Contact, fields: Partial<Contact>): TransactionStep {
  return {
    write: { Update: versionedUpdate(tableName(), keys.contact(orgId, contact.id), fields, contact.version) },
    onConditionFailed: () => new StaleWrite('The contact'),
  };
}

/** Deletes a contact only if it is still at the version it was read at. */
export function deleteContactStep(orgId: string, contact: Contact): TransactionStep {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: keys.contact(orgId, contact.id),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': contact.version },
      },
    },
    onConditionFailed: () => new StaleWrite('The contact'),
  };
}

/**
 * Records that the contact has documents, before any is written: a plain put,
 * so concurrent document creates never conflict on it, and a delete that
 * commits first makes the create find no contact.
 */
export async function markHasDocuments(orgId: string, contactId: string): Promise<void> {
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.contactHasDocuments(orgId, contactId), type: 'contactHasDocuments', contactId } }));
}

/** Refuses the deletion of a contact that has documents: they would lose their customer. */
export function hasNoDocumentsStep(orgId: string, contactId: string): TransactionStep {
  return {
    write: { ConditionCheck: { TableName: tableName(), Key: keys.contactHasDocuments(orgId, contactId), ConditionExpression: 'attribute_not_exists(PK)' } },
    onConditionFailed: () =>
      new Conflict(
        'CONTACT_HAS_DOCUMENTS',
        'This contact has invoices, estimates or retainer invoices and cannot be deleted; disable its portal access instead.',
      ),
  };
}
