/**
 * The one table's key schema and indexes: the CDK stack, the local runtime and
 * the tests all create the table from this definition.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds after which DynamoDB may delete the item (held portal names, spent tokens). */
  timeToLiveAttribute: 'expiresAt',
  /** New images feed the consumer lane: outbox events are the only records its consumers act on. */
  stream: 'NEW_IMAGE',
  globalSecondaryIndexes: [
    /** Lookups by a second owner: a staff user's memberships, documents by kind, a contact's credit entries by time. */
    { indexName: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /** The portal's view: sent documents of one contact. Sparse: drafts carry no GSI2 keys. */
    { indexName: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    /** Open receivables: invoices and retainer invoices with a balance owed. Sparse: set when sent, removed when settled or void. */
    { indexName: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
    /** Reminders due: each open invoice's next reminder date, per organization. Sparse: set on send, advanced as reminders go out, removed once settled. */
    { indexName: 'GSI4', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]['indexName'];
