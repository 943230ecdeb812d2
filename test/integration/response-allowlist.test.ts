import { describe, expect, it } from 'vitest';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { setDocumentAttributes } from '../support/table.ts';

describe('replies are allowlists', () => {
  it('never send a stored attribute that no reply schema declares, to portal persons or to staff', async () => {
    const { org, api, contact, base, person } = await portalSetup();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    await setDocumentAttributes(org.id, invoice.id, {
      stripeSecretThing: 'sk_live_document',
      'lines[0].stripeSecretThing': 'sk_live_line',
      'createdBy.stripeSecretThing': 'sk_live_creator',
      convertedFrom: { id: 'doc_earlier', number: 'EST-000001', stripeSecretThing: 'sk_live_reference' },
    });

    const answers = {
      portalList: await person.get(`${base}/documents`),
      portalRead: await person.get(`${base}/documents/${invoice.id}`),
      staffRead: await api.get(`/v1/orgs/${org.id}/invoices/${invoice.id}`),
      staffList: await api.get(`/v1/orgs/${org.id}/invoices`),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.status, name).toBe(200);
      expect(JSON.stringify(answer.body), name).not.toMatch(/stripeSecretThing|sk_live/);
    }
    // The declared fields around them still arrive.
    expect(answers.portalRead.body).toMatchObject({
      id: invoice.id,
      lines: [{ description: 'Consulting', total: 11900 }],
      convertedFrom: { id: 'doc_earlier', number: 'EST-000001' },
    });
    expect(answers.portalList.body.items[0]).not.toHaveProperty('createdBy');
    expect(answers.staffRead.body.createdBy).toEqual(invoice.createdBy);
  });
});
