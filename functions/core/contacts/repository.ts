import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { queryPage, type Page } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { versionedUpdate } from '../db/versioned-update.ts';
import { StaleWrite } from '../errors.ts';
import type { Contact } from './schema.ts';

/** Creates a contact with its persons. */
export function putContactStep(orgId: string, contact: Contact): TransactionStep {
  return {
    write: {
      Put: { TableName: tableName(), Item: { ...keys.contact(orgId, contact.id), type: 'contact', ...contact }, ConditionExpression: 'attribute_not_exists(PK)' },
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
