import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { keys } from '../../functions/core/db/keys.ts';
import { as } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { sentDocument } from '../support/documents.ts';
import { local } from '../support/local.ts';
import { newOrganization, newStaffToken, uniquePortalName } from '../support/staff.ts';

// The other races of the suite live beside the features they guard: 100 claims of one name (portal-names),
// 500 creates on one sequence (documents), payments over the balance (payments-receivables), accept against decline (portal-documents).

async function claimOf(name: string) {
  const { endpoint, tableName } = local().dynamodb;
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: 'us-east-1' }));
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keys.portalName(name), ConsistentRead: true }));
  client.destroy();
  return Item;
}

describe('races', () => {
  it('a rename racing a claim of the same new name: one wins, and no claim is left without its organization', async () => {
    for (let round = 0; round < 5; round++) {
      const renaming = await newOrganization();
      const wanted = uniquePortalName('raced');
      const claimer = as(await newStaffToken());
      const [renamed, created] = await Promise.all([
        renaming.api.put(`/v1/orgs/${renaming.org.id}/portal`, { name: wanted }),
        claimer.post('/v1/orgs', { name: 'Claimer Ltd', portalName: wanted, currency: 'EUR' }),
      ]);
      expect([renamed.status === 200, created.status === 201].filter(Boolean)).toHaveLength(1);
      expect([renamed.status, created.status]).toContain(409);
      const winner = renamed.status === 200 ? renaming.org.id : created.body.id;
      expect((await claimOf(wanted))?.orgId).toBe(winner);
      // The loser holds nothing new: the renaming organization keeps its old name, or the claimer has no organization.
      if (renamed.status !== 200) expect((await claimOf(renaming.org.portalName))?.orgId).toBe(renaming.org.id);
      if (created.status !== 201) expect((await claimer.get('/v1/orgs')).body.items).toEqual([]);
    }
  });

  it('two applications of the same credit: one is taken, the other refused', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const retainer = await sentDocument(api, org.id, 'retainer-invoices', contact.id, { lines: [{ description: 'Advance', quantity: 1, unitPrice: 10000 }] });
    await api.post(`/v1/orgs/${org.id}/retainer-invoices/${retainer.id}/payments`, { amount: 10000 });
    const invoices = await Promise.all(
      [0, 1].map(() => sentDocument(api, org.id, 'invoices', contact.id, { lines: [{ description: 'Work', quantity: 1, unitPrice: 10000 }] })),
    );
    const applied = await Promise.all(invoices.map((invoice) => api.post(`/v1/orgs/${org.id}/invoices/${invoice.id}/credits`, { amount: 10000 })));
    expect(applied.map((response) => response.status).sort()).toEqual([201, 422]);
    expect(applied.find((response) => response.status === 422)!.body.error.code).toBe('INSUFFICIENT_CREDIT');
    expect((await api.get(`/v1/orgs/${org.id}/contacts/${contact.id}/credits`)).body.items).toEqual([
      expect.objectContaining({ contactId: contact.id, currency: 'EUR', available: 0, owed: 0 }),
    ]);
  });
});
