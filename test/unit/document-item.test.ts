import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../../functions/core/documents/schema.ts';
import { documentStatuses } from '../../functions/core/documents/status.ts';
import { equals, statusFilter } from '../../functions/core/documents/status-filter.ts';

beforeAll(() => {
  // The steps name the table; nothing is sent.
  process.env.TABLE_NAME ??= 'unit-table';
});

const { documentItem, documentOf, replaceDocumentStep, deleteDocumentStep, documentExistsStep } = await import('../../functions/core/documents/repository.ts');
const { rules } = await import('../../functions/core/documents/rules.ts');

const document: StoredDocument = {
  id: 'doc_1',
  orgId: 'org_1',
  kind: 'estimate',
  number: 'EST-000001',
  sequence: 1,
  status: 'sent',
  contactId: 'con_1',
  currency: 'EUR',
  issueDate: '2026-01-01',
  dueDate: '2026-01-31',
  expiryDate: '2026-02-28',
  lines: [
    {
      description: 'Caf\u00e9 "au lait"\n',
      quantity: 1.5,
      unitPrice: 1000,
      taxCode: 'standard',
      taxRate: 19,
      net: 1500,
      discountShare: 0,
      tax: 285,
      total: 1785,
    },
  ],
  discount: null,
  taxes: [],
  subtotal: 1500,
  discountTotal: 0,
  taxTotal: 285,
  total: 1785,
  amountPaid: 0,
  creditsApplied: 0,
  balance: 1785,
  createdBy: { type: 'staff', id: 'stf_1' },
  viewedAt: '2026-01-02T00:00:00.000Z',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
} as StoredDocument;

/** Every attribute name an expression on document items reads: the writer's conditions and the staff list's filters. */
function namesRead(): Set<string> {
  const names = new Set<string>();
  const steps = [replaceDocumentStep(document, document), deleteDocumentStep(document), documentExistsStep(document, true)];
  for (const step of steps) {
    const write = step.write.Put ?? step.write.Delete ?? step.write.ConditionCheck;
    for (const name of Object.values(write?.ExpressionAttributeNames ?? {})) names.add(name);
  }
  for (const filter of [...documentStatuses.map((status) => statusFilter(status, '2026-01-15')), equals('contactId', 'con_1')]) {
    for (const name of Object.values(filter.names)) names.add(name);
  }
  for (const rule of Object.values(rules)) for (const [, name] of rule.condition?.matchAll(/attribute_(?:not_)?exists\((\w+)\)/g) ?? []) names.add(name!);
  return names;
}

describe('a document item', () => {
  it('holds the document as JSON and reads back exactly, text and numbers as written', () => {
    const item = documentItem(document);
    expect(JSON.parse(item.documentJson as string)).toEqual(document);
    expect(documentOf(item)).toEqual(document);
  });

  it('keeps every attribute a condition or filter reads beside the JSON, with the document’s value', () => {
    const item = documentItem(document);
    const read = [...namesRead()].sort();
    expect(read).toEqual(['balance', 'contactId', 'dueDate', 'expiryDate', 'kind', 'status', 'version', 'viewedAt']);
    for (const name of read) expect(item[name], name).toEqual(document[name as keyof StoredDocument]);
  });

  it('still reads an item written with the document as attributes', () => {
    const { documentJson, ...keysAndIndexes } = documentItem(document);
    expect(documentOf({ ...keysAndIndexes, ...document })).toEqual(document);
  });
});
