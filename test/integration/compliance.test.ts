import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { download } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { portalSetup, sentDocument } from '../support/documents.ts';
import { pdfText } from '../support/pdf-text.ts';
import { newOrganization } from '../support/staff.ts';

const berlin = { line1: 'Friedrichstraße 123', city: 'Berlin', postalCode: '10117', country: 'DE' };
const bengaluru = { line1: '1 MG Road', city: 'Bengaluru', postalCode: '560001', region: 'KA', country: 'IN' };

describe('parties', () => {
  it('refuses a GSTIN with a wrong check character with 422, and changes nothing', async () => {
    const { org, api } = await newOrganization();
    const refused = await api.patch(`/v1/orgs/${org.id}`, { taxRegistrations: [{ country: 'IN', scheme: 'gst', id: '29AAFCC9980M1ZS' }] });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_GSTIN', details: { field: 'taxRegistrations[0].id' } });
    expect((await api.get(`/v1/orgs/${org.id}`)).body).toMatchObject({ taxRegistrations: [], version: 1 });
  });

  it('freezes seller and buyer on send: a later address edit changes neither the PDF nor the portal page', async () => {
    const { org, api, token, contact, person, base } = await portalSetup();
    await api.patch(`/v1/orgs/${org.id}`, { address: berlin, taxRegistrations: [{ country: 'DE', scheme: 'vat', id: 'DE136695976' }] });
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    expect(invoice.seller).toEqual({ name: 'Acme Supplies', address: berlin, taxId: 'DE136695976', taxScheme: 'vat' });
    // The portal read first: a first view marks the invoice viewed, which the PDF shows.
    const pageBefore = (await person.get(`${base}/documents/${invoice.id}`)).body;
    const pdfBefore = pdfText((await download(`/v1/orgs/${org.id}/invoices/${invoice.id}/pdf`, token)).bytes);
    expect(pdfBefore).toContain('Friedrichstraße 123');

    const moved = await api.patch(`/v1/orgs/${org.id}`, { address: { line1: 'Neue Straße 9', city: 'Hamburg', country: 'DE' } });
    expect(moved.status).toBe(200);
    const after = await download(`/v1/orgs/${org.id}/invoices/${invoice.id}/pdf`, token);
    expect(after.status).toBe(200);
    const pdfAfter = pdfText(after.bytes);
    const pageAfter = (await person.get(`${base}/documents/${invoice.id}`)).body;
    expect(pdfAfter).toBe(pdfBefore);
    expect(pdfAfter).not.toContain('Neue Straße');
    expect(pageAfter.seller).toEqual(pageBefore.seller);
    expect(pageAfter.seller.address).toEqual(berlin);
  });
});

describe("India's GST e-invoice", () => {
  async function gstInvoice() {
    const { org, api, token } = await newOrganization({
      currency: 'INR',
      address: bengaluru,
      taxRegistrations: [{ country: 'IN', scheme: 'gst', id: '29AAFCC9980M1ZR' }],
    });
    const contact = await newContact(api, org.id, 0, { address: { ...bengaluru, line1: '2 Residency Road', postalCode: '560025' }, taxId: '27AAPFU0939F1ZV' });
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, {
      issueDate: '2026-04-01',
      lines: [{ description: 'Steel rods', quantity: 7, unitPrice: 33_333, taxRate: 18, hsnSac: '72142000' }],
    });
    return { org, api, token, invoice };
  }

  it('answers the IRN and the v1.1 payload, records the IRP answer once, and keeps it inside the organization', async () => {
    const { org, api, invoice } = await gstInvoice();
    // Buyer GSTIN in Maharashtra (27), seller in Karnataka (29): IGST.
    expect(invoice.taxes).toEqual([{ code: 'standard', rate: 18, taxable: 233331, tax: 42000, components: [{ name: 'IGST', rate: 18, tax: 42000 }] }]);
    const path = `/v1/orgs/${org.id}/invoices/${invoice.id}/gst-einvoice`;
    const read = await api.get(path);
    expect(read.status).toBe(200);
    const irn = createHash('sha256').update(`29AAFCC9980M1ZR2026-27INV${invoice.number}`).digest('hex');
    expect(read.body.irn).toBe(irn);
    expect(read.body.payload).toMatchObject({
      Version: '1.1',
      TranDtls: { TaxSch: 'GST', SupTyp: 'B2B' },
      DocDtls: { Typ: 'INV', No: invoice.number, Dt: '01/04/2026' },
      SellerDtls: { Gstin: '29AAFCC9980M1ZR', Stcd: '29', Pin: 560001 },
      BuyerDtls: { Gstin: '27AAPFU0939F1ZV', Pos: '27' },
      ItemList: [{ HsnCd: '72142000', GstRt: 18, AssAmt: 2333.31, IgstAmt: 420, CgstAmt: 0, TotItemVal: 2753.31 }],
      ValDtls: { AssVal: 2333.31, IgstVal: 420, TotInvVal: 2753.31 },
    });

    const stranger = await newOrganization();
    expect((await stranger.api.get(path)).status).toBe(404);
    expect((await stranger.api.get(`/v1/orgs/${stranger.org.id}/invoices/${invoice.id}/gst-einvoice`)).status).toBe(404);

    const answer = { irn, ackNo: '112610000000001', ackDate: '2026-04-01 10:15:00', signedQrCode: 'eyJhbGciOiJSUzI1NiJ9.eyJJcm4iOiJ4In0.c2ln' };
    expect((await api.put(path, { ...answer, irn: 'f'.repeat(64) })).body.error.code).toBe('IRN_MISMATCH');
    const recorded = await api.put(path, answer);
    expect(recorded.status).toBe(200);
    expect(recorded.body.gstEinvoice).toEqual({ irn, ackNo: answer.ackNo, ackDate: answer.ackDate, signedQrCode: answer.signedQrCode });
    expect((await api.put(path, answer)).status).toBe(409);
    expect((await api.get(path)).body.registration).toEqual({ ackNo: answer.ackNo, ackDate: answer.ackDate, signedQrCode: answer.signedQrCode });
  });

  it('prints the IRN on the PDF once recorded', async () => {
    const { org, api, token, invoice } = await gstInvoice();
    const path = `/v1/orgs/${org.id}/invoices/${invoice.id}/gst-einvoice`;
    const { irn } = (await api.get(path)).body;
    await api.put(path, { irn, ackNo: '1', ackDate: '2026-04-01 10:15:00', signedQrCode: 'eyJ.eyJ.sig' });
    const text = pdfText((await download(`/v1/orgs/${org.id}/invoices/${invoice.id}/pdf`, token)).bytes);
    expect(text).toContain(`IRN: ${irn}`);
    expect(text).toContain('IGST 18% on');
  });
});
