import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { listComments } from '../comments/repository.ts';
import { type Comment, THREAD_COMMENTS } from '../comments/schema.ts';
import { batchGet } from '../db/batch-get.ts';
import { db, tableName } from '../db/client.ts';
import { itemBytes } from '../db/item-size.ts';
import { withoutKeys } from '../db/items.ts';
import { keys } from '../db/keys.ts';
import { allInIndexPartition, allItems, type Page, queryIndexPage } from '../db/pages.ts';
import type { TransactionStep } from '../db/transact.ts';
import { NotFound, StaleWrite } from '../errors.ts';
import type { Payment } from '../payments/schema.ts';
import { isOpenReceivable } from '../receivables/open-amount.ts';
import type { DocumentKind } from './kinds.ts';
import type { StoredDocument } from './schema.ts';
import type { Filter } from './status-filter.ts';

/**
 * The attributes DynamoDB itself reads from a document item, kept beside its JSON: the writer's conditions
 * (`version`, `status`, a first view's `viewedAt`) and the staff list's filters (`status-filter.ts`, `contactId`).
 */
const EXPRESSION_ATTRIBUTES = ['version', 'status', 'kind', 'contactId', 'dueDate', 'expiryDate', 'balance', 'viewedAt'] as const;

/**
 * The item of a document with the index attributes its state calls for:
 * GSI1 always (staff lists by kind), GSI2 once sent (the portal sees it),
 * GSI3 while a sent invoice or retainer invoice has a balance (receivables).
 * The document itself is one JSON string (`documentJson`): reading a contact's
 * documents then parses one string each instead of passing every value of every
 * line through DynamoDB's typed format (docs/data-model.md).
 */
export function documentItem(document: StoredDocument): Record<string, unknown> {
  const visible = document.status !== 'draft';
  return {
    ...keys.document(document.orgId, document.id),
    ...keys.documentKindIndex(document.orgId, document.kind, document.sequence),
    ...(visible ? keys.contactDocumentIndex(document.orgId, document.contactId, document.issueDate, document.id) : {}),
    ...(isOpenReceivable(document) ? keys.receivableIndex(document.orgId, document.contactId, document.id) : {}),
    type: 'document',
    ...Object.fromEntries(EXPRESSION_ATTRIBUTES.map((attribute) => [attribute, document[attribute]])),
    documentJson: JSON.stringify(document),
  };
}

/** A document's stored size as DynamoDB counts it, keys included. */
export const documentItemBytes = (document: StoredDocument) => itemBytes(documentItem(document));

/** The document an item holds. An item written before documents were stored as JSON holds it as attributes, until its next change. */
export function documentOf(item: Record<string, unknown>): StoredDocument {
  return typeof item.documentJson === 'string' ? JSON.parse(item.documentJson) : withoutKeys<StoredDocument>(item);
}

/** Creates a document (a step of its creation transaction). */
export function putNewDocumentStep(document: StoredDocument): TransactionStep {
  return { write: { Put: { TableName: tableName(), Item: documentItem(document), ConditionExpression: 'attribute_not_exists(PK)' } } };
}

/**
 * Replaces a document with its next state, only if it is still the version and
 * status it was read in: a stale writer gets 409, never a silent overwrite.
 */
export function replaceDocumentStep(next: StoredDocument, read: Pick<StoredDocument, 'version' | 'status'>, extraCondition?: string): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: documentItem(next),
        ConditionExpression: ['#version = :version AND #status = :status', extraCondition].filter(Boolean).join(' AND '),
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: { ':version': read.version, ':status': read.status },
      },
    },
    onConditionFailed: () => new StaleWrite('The document'),
  };
}

/** Removes a draft, on the same version-and-status condition. */
export function deleteDocumentStep(read: StoredDocument): TransactionStep {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: keys.document(read.orgId, read.id),
        ConditionExpression: '#version = :version AND #status = :status',
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: { ':version': read.version, ':status': read.status },
      },
    },
    onConditionFailed: () => new StaleWrite('The document'),
  };
}

/**
 * Checks that a document is still there, for a change that writes beside it
 * (a comment) without writing it; `asRead`, that it is still the version read,
 * for a change that follows from its amounts (a reminder's late fee).
 */
export function documentExistsStep(read: StoredDocument, asRead = false): TransactionStep {
  const key = { TableName: tableName(), Key: keys.document(read.orgId, read.id) };
  const unchanged = {
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': read.version },
  };
  return {
    write: { ConditionCheck: { ...key, ...(asRead ? unchanged : { ConditionExpression: 'attribute_exists(PK)' }) } },
    onConditionFailed: () => (asRead ? new StaleWrite('The document') : new NotFound('Document')),
  };
}

/** One document of an organization by id; `consistent` for a writer that must see every committed change. */
export async function getDocument(orgId: string, docId: string, consistent = false): Promise<StoredDocument | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.document(orgId, docId), ConsistentRead: consistent }));
  return Item ? documentOf(Item) : undefined;
}

/** Several documents of an organization by id (one payment for many), in the order asked; undefined where absent. */
export async function getDocuments(orgId: string, docIds: readonly string[]): Promise<(StoredDocument | undefined)[]> {
  const items = await batchGet(docIds.map((docId) => keys.document(orgId, docId)));
  return items.map((item) => (item ? documentOf(item) : undefined));
}

export interface DocumentThread {
  document: StoredDocument | undefined;
  /** The latest comments, oldest first; `commentsCursor` leads to older ones. */
  comments: Comment[];
  commentsCursor: string | null;
  payments: Payment[];
}

/**
 * A document with its payments and its latest comments: two Queries of its
 * collection side by side (`SK >= DOC`, and the newest COMMENT# items), so a
 * document with a long thread still reads in bounded size.
 */
export async function getDocumentThread(orgId: string, docId: string): Promise<DocumentThread> {
  const [items, comments] = await Promise.all([
    allItems({
      KeyConditionExpression: 'PK = :pk AND SK >= :from',
      ExpressionAttributeValues: { ':pk': keys.documentPartition(orgId, docId).PK, ':from': keys.documentWithPaymentsStart },
    }),
    listComments(orgId, docId, { limit: THREAD_COMMENTS }),
  ]);
  const thread: DocumentThread = { document: undefined, comments: comments.items, commentsCursor: comments.nextCursor, payments: [] };
  for (const item of items) {
    if (item.type === 'document') thread.document = documentOf(item);
    if (item.type === 'payment') thread.payments.push(withoutKeys<Payment>(item));
  }
  return thread;
}

/** The organization's documents of one kind, newest number first (GSI1). */
export async function listDocumentsByKind(
  orgId: string,
  kind: DocumentKind,
  page: { limit: number; cursor?: string },
  filter?: Filter,
): Promise<Page<StoredDocument>> {
  const partition = keys.documentKindPartition(orgId, kind);
  return documentsPage('GSI1', partition, page, filter);
}

/** A contact's sent documents, newest issue date first (GSI2; drafts carry no GSI2 keys). */
export async function listContactDocuments(
  orgId: string,
  contactId: string,
  page: { limit: number; cursor?: string },
  filter?: Filter,
): Promise<Page<StoredDocument>> {
  return documentsPage('GSI2', keys.contactDocumentsPartition(orgId, contactId), page, filter);
}

/** Every sent document of a contact (GSI2): what a statement of account is built from. */
export async function allContactDocuments(orgId: string, contactId: string): Promise<StoredDocument[]> {
  return (await allInIndexPartition('GSI2', keys.contactDocumentsPartition(orgId, contactId))).map(documentOf);
}

/** Documents with a balance owed: the whole organization, or one contact by sort-key prefix (GSI3). */
export async function listOpenReceivables(orgId: string, contactId?: string): Promise<StoredDocument[]> {
  const prefix = contactId === undefined ? undefined : keys.contactReceivablesPrefix(contactId);
  return (await allInIndexPartition('GSI3', keys.receivablesPartition(orgId), prefix)).map(documentOf);
}

/** One page of the organization's open receivables, by contact then document (GSI3), after a given one. */
export async function openReceivablesPage(
  orgId: string,
  limit: number,
  after?: { contactId: string; docId: string },
): Promise<{ items: StoredDocument[]; more: boolean }> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI3',
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.receivablesPartition(orgId).GSI3PK },
      Limit: limit + 1,
      ExclusiveStartKey: after && { ...keys.document(orgId, after.docId), ...keys.receivableIndex(orgId, after.contactId, after.docId) },
    }),
  );
  return { items: Items.slice(0, limit).map(documentOf), more: Items.length > limit };
}

async function documentsPage(index: 'GSI1' | 'GSI2', partition: Record<string, string>, page: { limit: number; cursor?: string }, filter?: Filter) {
  const [[attribute, value]] = Object.entries(partition) as [[string, string]];
  const result = await queryIndexPage(
    {
      IndexName: index,
      KeyConditionExpression: '#pk = :pk',
      ScanIndexForward: false,
      FilterExpression: filter?.expression,
      ExpressionAttributeNames: { '#pk': attribute, ...filter?.names },
      ExpressionAttributeValues: { ':pk': value, ...filter?.values },
    },
    { ...page, partition },
  );
  return { items: result.items.map(documentOf), nextCursor: result.nextCursor };
}
