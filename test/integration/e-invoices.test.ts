import { describe, expect, it } from 'vitest';
import { as, download } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { makeDocument, portalSetup, sentDocument } from '../support/documents.ts';
import { ruleFailures, schemaErrors } from '../support/einvoice-validation.ts';
import { newOrganization, newStaffToken } from '../support/staff.ts';

const berlin = { line1: 'Friedrichstraße 10', city: 'Berlin', postalCode: '10117', country: 'DE' };
const paris = { line1: '12 rue de la Paix', city: 'Paris', postalCode: '75002', country: 'FR' };
const invoiceDesk = { name: 'Accounts receivable', phone: '+49 30 1234567', email: 'invoices@acme.example' };

/** A German seller registered for VAT and a French business customer with its VAT id: its sales are reverse-charged. */
async function sellerAndBuyer() {
  const { org, api, token } = await newOrganization({
    address: berlin,
    taxRegistrations: [{ country: 'DE', scheme: 'vat', id: 'DE123456789' }],
    einvoicing: { contact: invoiceDesk },
  });
  const contact = await newContact(api, org.id, 0, { name: 'Société Exemple SARL', address: paris, taxId: 'FR40303265045' });
  return { org, api, token, contact };
}

const eInvoicePath = (orgId: string, kind: string, docId: string, format: string) => `/v1/orgs/${orgId}/${kind}/${docId}/e-invoice?format=${format}`;

describe('e-invoices of sent documents', () => {
  it('a sent invoice as UBL: an XML download that passes the schema and the EN 16931 rules, with the frozen parties', async () => {
    const { org, api, token, contact } = await sellerAndBuyer();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id, {
      issueDate: '2026-12-01',
      lines: [{ description: 'Software licence', quantity: 1, unitPrice: 120000, taxCode: 'standard', taxRate: 19 }],
    });
    const response = await download(eInvoicePath(org.id, 'invoices', invoice.id, 'ubl'), token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${invoice.number}-ubl.xml"`);
    const xml = response.bytes.toString('utf8');
    expect(schemaErrors(xml)).toEqual([]);
    expect(ruleFailures('en16931-ubl', xml).map((finding) => finding.id)).toEqual([]);
    // Another member state's business with its VAT id: reverse-charged, as the document was.
    expect(xml).toContain('<cbc:ID>AE</cbc:ID>');
    expect(xml).toContain('<cbc:CompanyID>FR40303265045</cbc:CompanyID>');
    expect(xml).toContain('<cbc:CityName>Berlin</cbc:CityName>');

    // The organization moves: the sent invoice's e-invoice keeps the address it was sent with, byte for byte.
    const moved = await api.patch(`/v1/orgs/${org.id}`, { address: { line1: 'Marienplatz 1', city: 'München', postalCode: '80331', country: 'DE' } });
    expect(moved.status).toBe(200);
    const again = await download(eInvoicePath(org.id, 'invoices', invoice.id, 'ubl'), token);
    expect(again.bytes.toString('utf8')).toBe(xml);
  }, 120_000);

  it('CII, XRechnung and Factur-X of the same invoice, each with its type', async () => {
    const { org, api, token, contact } = await sellerAndBuyer();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const cii = await download(eInvoicePath(org.id, 'invoices', invoice.id, 'cii'), token);
    expect([cii.status, cii.headers.get('content-type')]).toEqual([200, 'application/xml; charset=utf-8']);
    expect(cii.bytes.toString('utf8')).toContain('<rsm:CrossIndustryInvoice');
    const xrechnung = await download(eInvoicePath(org.id, 'invoices', invoice.id, 'xrechnung'), token);
    expect(xrechnung.bytes.toString('utf8')).toContain('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0');
    const facturx = await download(eInvoicePath(org.id, 'invoices', invoice.id, 'facturx'), token);
    expect([facturx.status, facturx.headers.get('content-type'), facturx.headers.get('content-disposition')]).toEqual([
      200,
      'application/pdf',
      `attachment; filename="${invoice.number}-facturx.pdf"`,
    ]);
    expect(facturx.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(facturx.bytes.toString('latin1')).toContain('/F (factur-x.xml)');
  }, 120_000);

  it('a credit note against an invoice: a UBL CreditNote naming the invoice, within the official rules', async () => {
    const { org, api, token, contact } = await sellerAndBuyer();
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const credit = await sentDocument(api, org.id, 'credit-notes', contact.id, {
      invoiceId: invoice.id,
      lines: [{ description: 'Consulting not delivered', quantity: 1, unitPrice: 5000, taxCode: 'standard', taxRate: 19 }],
    });
    const response = await download(eInvoicePath(org.id, 'credit-notes', credit.id, 'ubl'), token);
    expect(response.status).toBe(200);
    const xml = response.bytes.toString('utf8');
    expect(xml).toContain('<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"');
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
    expect(xml).toContain(`<cbc:ID>${invoice.number}</cbc:ID>`);
    expect(schemaErrors(xml)).toEqual([]);
    expect(ruleFailures('en16931-ubl', xml).map((finding) => finding.id)).toEqual([]);
    const cii = await download(eInvoicePath(org.id, 'credit-notes', credit.id, 'cii'), token);
    expect(cii.bytes.toString('utf8')).toContain('<ram:TypeCode>381</ram:TypeCode>');
  }, 120_000);

  it('a draft has none yet (409), an estimate none at all (422), an unknown format is a 400, another tenant gets a 404', async () => {
    const { org, api, token, contact } = await sellerAndBuyer();
    const draft = await makeDocument(api, org.id, 'invoices', contact.id);
    const notSent = await api.get(eInvoicePath(org.id, 'invoices', draft.id, 'ubl'));
    expect([notSent.status, notSent.body.error.code]).toEqual([409, 'DOCUMENT_NOT_SENT']);
    const estimate = await sentDocument(api, org.id, 'estimates', contact.id);
    const noInvoice = await api.get(eInvoicePath(org.id, 'estimates', estimate.id, 'ubl'));
    expect([noInvoice.status, noInvoice.body.error.code]).toEqual([422, 'NOT_AN_INVOICE']);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const badFormat = await api.get(eInvoicePath(org.id, 'invoices', invoice.id, 'pdf'));
    expect(badFormat.status).toBe(400);
    const wrongKind = await api.get(eInvoicePath(org.id, 'retainer-invoices', invoice.id, 'ubl'));
    expect(wrongKind.status).toBe(404);

    const other = await newOrganization();
    const acrossTenants = await other.api.get(eInvoicePath(org.id, 'invoices', invoice.id, 'ubl'));
    expect(acrossTenants.status).toBe(404);
    const ownPathOtherDocument = await other.api.get(eInvoicePath(other.org.id, 'invoices', invoice.id, 'ubl'));
    expect([ownPathOtherDocument.status, ownPathOtherDocument.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await download(eInvoicePath(org.id, 'invoices', invoice.id, 'ubl'), token)).status).toBe(200);
  }, 120_000);

  it('a document without the parties EN 16931 requires is refused with what to fill in (422)', async () => {
    const { org, api } = await newOrganization();
    const contact = await newContact(api, org.id);
    const invoice = await sentDocument(api, org.id, 'invoices', contact.id);
    const response = await api.get(eInvoicePath(org.id, 'invoices', invoice.id, 'ubl'));
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('EINVOICE_INCOMPLETE');
    expect(response.body.error.details.missing).toEqual([
      'organization address country (BT-40)',
      'contact address country (BT-55)',
      "organization tax registration (BT-31 or BT-32), the seller's VAT id or GSTIN",
    ]);
  }, 120_000);
});

describe("the seller's contact and bank account, the buyer's reference", () => {
  it('an IBAN with wrong check digits is refused (422), and nothing is stored', async () => {
    const { org, api } = await newOrganization();
    const refused = await api.patch(`/v1/orgs/${org.id}`, {
      name: 'Renamed',
      einvoicing: { contact: invoiceDesk, paymentAccount: { iban: 'DE02 1203 0000 0000 2020 52' } },
    });
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([422, 'INVALID_IBAN', { field: 'einvoicing.paymentAccount.iban' }]);
    const after = await api.get(`/v1/orgs/${org.id}`);
    expect([after.body.name, after.body.version, after.body.einvoicing]).toEqual([org.name, org.version, { contact: null, paymentAccount: null }]);

    const token = await newStaffToken();
    const notCreated = await as(token).post('/v1/orgs', { name: 'Beta GmbH', einvoicing: { paymentAccount: { iban: 'GB33BUKB20201555555556' } } });
    expect([notCreated.status, notCreated.body.error.code]).toEqual([422, 'INVALID_IBAN']);
    expect((await as(token).get('/v1/orgs')).body.items).toEqual([]);
  }, 120_000);

  it("a draft's buyer reference is written, changed, and removed with null", async () => {
    const { org, api, contact } = await sellerAndBuyer();
    const draft = await makeDocument(api, org.id, 'invoices', contact.id, { buyerReference: '  PO-2026-0193 ' });
    expect(draft.buyerReference).toBe('PO-2026-0193');
    const changed = await api.patch(`/v1/orgs/${org.id}/invoices/${draft.id}`, { buyerReference: 'PO-2026-0194' });
    expect([changed.status, changed.body.buyerReference]).toEqual([200, 'PO-2026-0194']);
    const removed = await api.patch(`/v1/orgs/${org.id}/invoices/${draft.id}`, { buyerReference: null });
    expect([removed.status, 'buyerReference' in removed.body]).toEqual([200, false]);
    const read = await api.get(`/v1/orgs/${org.id}/invoices/${draft.id}`);
    expect('buyerReference' in read.body).toBe(false);
  }, 120_000);

  it("XRechnung to a German public buyer: KoSIT's rules pass with the contact, the IBAN and the Leitweg-ID; without a contact it is refused", async () => {
    const { org, api, token } = await newOrganization({ address: berlin, taxRegistrations: [{ country: 'DE', scheme: 'vat', id: 'DE123456789' }] });
    const authority = await newContact(api, org.id, 0, {
      name: 'Bezirksamt Mitte',
      address: { line1: 'Karl-Marx-Allee 31', city: 'Berlin', postalCode: '10178', country: 'DE' },
      taxId: 'DE136695976',
    });
    const leitwegId = '11001000-12345-67';
    const invoice = await sentDocument(api, org.id, 'invoices', authority.id, {
      buyerReference: leitwegId,
      lines: [{ description: 'Consulting', quantity: 4, unitPrice: 12500, taxCode: 'standard', taxRate: 19 }],
    });
    expect(invoice.buyerReference).toBe(leitwegId);
    const incomplete = await api.get(eInvoicePath(org.id, 'invoices', invoice.id, 'xrechnung'));
    expect([incomplete.status, incomplete.body.error.code, incomplete.body.error.details.missing]).toEqual([
      422,
      'EINVOICE_INCOMPLETE',
      ['organization e-invoicing contact name (BT-41)', 'organization e-invoicing contact phone (BT-42)'],
    ]);

    const saved = await api.patch(`/v1/orgs/${org.id}`, {
      einvoicing: { contact: invoiceDesk, paymentAccount: { iban: 'de02 1203 0000 0000 2020 51', bic: 'byladem1001' } },
    });
    expect([saved.status, saved.body.einvoicing]).toEqual([
      200,
      { contact: invoiceDesk, paymentAccount: { iban: 'DE02120300000000202051', bic: 'BYLADEM1001' } },
    ]);
    const response = await download(eInvoicePath(org.id, 'invoices', invoice.id, 'xrechnung'), token);
    expect(response.status).toBe(200);
    const xml = response.bytes.toString('utf8');
    expect(schemaErrors(xml)).toEqual([]);
    expect(ruleFailures('en16931-ubl', xml).map((finding) => finding.id)).toEqual([]);
    expect(ruleFailures('xrechnung-ubl', xml).map((finding) => finding.id)).toEqual([]);
    for (const element of [
      `<cbc:BuyerReference>${leitwegId}</cbc:BuyerReference>`,
      '<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>',
      '<cbc:ID>DE02120300000000202051</cbc:ID>',
      '<cbc:Telephone>+49 30 1234567</cbc:Telephone>',
    ]) {
      expect(xml).toContain(element);
    }
    // Between German parties on Peppol, Peppol's German rules (DE-R-*) pass too.
    const ubl = (await download(eInvoicePath(org.id, 'invoices', invoice.id, 'ubl'), token)).bytes.toString('utf8');
    expect(ruleFailures('peppol-ubl', ubl).map((finding) => finding.id)).toEqual([]);

    // Removing the account goes back to "instrument not defined".
    expect((await api.patch(`/v1/orgs/${org.id}`, { einvoicing: { paymentAccount: null } })).body.einvoicing).toEqual({
      contact: invoiceDesk,
      paymentAccount: null,
    });
    const without = (await download(eInvoicePath(org.id, 'invoices', invoice.id, 'xrechnung'), token)).bytes.toString('utf8');
    expect(without).toContain('<cbc:PaymentMeansCode>1</cbc:PaymentMeansCode>');
  }, 120_000);
});

describe('e-invoices in the portal', () => {
  it("the contact's persons download their documents' e-invoices; another contact's document is a 404", async () => {
    const { org, api, base, person } = await portalSetup();
    await api.patch(`/v1/orgs/${org.id}`, { address: berlin, taxRegistrations: [{ country: 'DE', scheme: 'vat', id: 'DE123456789' }] });
    const contacts = await api.get(`/v1/orgs/${org.id}/contacts`);
    const contactId = contacts.body.items[0].id as string;
    expect((await api.patch(`/v1/orgs/${org.id}/contacts/${contactId}`, { address: paris })).status).toBe(200);
    const invoice = await sentDocument(api, org.id, 'invoices', contactId);
    const response = await person.get(`${base}/documents/${invoice.id}/e-invoice?format=cii`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.body).toContain(`<ram:ID>${invoice.number}</ram:ID>`);

    const stranger = await newContact(api, org.id, 0, { address: paris });
    const theirs = await sentDocument(api, org.id, 'invoices', stranger.id);
    const notMine = await person.get(`${base}/documents/${theirs.id}/e-invoice?format=ubl`);
    expect(notMine.status).toBe(404);
    const draft = await makeDocument(api, org.id, 'invoices', contactId);
    expect((await person.get(`${base}/documents/${draft.id}/e-invoice?format=ubl`)).status).toBe(404);
    expect((await as().get(`${base}/documents/${invoice.id}/e-invoice?format=ubl`)).status).toBe(401);
  }, 120_000);
});
