import { randomUUID } from 'node:crypto';
import { type Client, client } from '../local/api-client.ts';
import { type Figures, measure } from './measure.ts';

const PASSWORD = 'Bench-Password-1!';
const CONCURRENT_CREATES = 500;

const invoiceBody = (contactId: string) => ({
  contactId,
  lines: [
    { description: 'Consulting', quantity: 2.5, unitPrice: 12000, taxRate: 19 },
    { description: 'Travel', quantity: 1, unitPrice: 4500, taxRate: 7 },
  ],
});

/** Document paths from both sides, and a burst of concurrent creates on one number sequence. */
export async function benchDocuments(apiUrl: string, staff: Client, rows: Figures[], scale = 1): Promise<string> {
  const n = (count: number) => Math.max(2, Math.round(count * scale));
  const concurrentCreates = n(CONCURRENT_CREATES);
  const portalName = `bench-${randomUUID().slice(0, 8)}`;
  const org = await staff('POST', '/v1/orgs', { name: 'Bench Documents Ltd', portalName, currency: 'EUR' });
  const email = `person-${randomUUID().slice(0, 8)}@example.test`;
  const contact = await staff('POST', `/v1/orgs/${org.id}/contacts`, { name: 'Bench Customer', email });
  await staff('POST', `/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, {
    personIds: [contact.persons[0].id],
    password: PASSWORD,
    passwordPermanent: true,
  });
  const { idToken } = await client(apiUrl)('POST', `/v1/portal/${portalName}/sessions`, { email, password: PASSWORD });
  const person = client(apiUrl, idToken);

  rows.push(
    await measure('POST …/invoices (numbered, idempotent)', n(200), 1, () =>
      staff('POST', `/v1/orgs/${org.id}/invoices`, invoiceBody(contact.id), { 'idempotency-key': randomUUID() }),
    ),
  );
  const sent: string[] = [];
  for (let index = 0; index < 20; index++) {
    const draft = await staff('POST', `/v1/orgs/${org.id}/invoices`, invoiceBody(contact.id));
    sent.push((await staff('POST', `/v1/orgs/${org.id}/invoices/${draft.id}/send`)).id);
  }
  rows.push(await measure('GET /v1/portal/{p}/documents (25 per page)', n(200), 1, () => person('GET', `/v1/portal/${portalName}/documents?limit=25`)));
  rows.push(
    await measure('GET /v1/portal/{p}/documents/{id} (one query)', n(200), 1, (index) =>
      person('GET', `/v1/portal/${portalName}/documents/${sent[index % sent.length]}`),
    ),
  );
  rows.push(
    await measure('GET …/documents/{id}/pdf (portal)', n(50), 1, (index) =>
      person('GET', `/v1/portal/${portalName}/documents/${sent[index % sent.length]}/pdf`),
    ),
  );

  const burstOrg = await staff('POST', '/v1/orgs', { name: 'Burst Ltd', currency: 'EUR' });
  const burstContact = await staff('POST', `/v1/orgs/${burstOrg.id}/contacts`, {
    name: 'Burst Customer',
    email: `burst-${randomUUID().slice(0, 8)}@example.test`,
  });
  const numbers = new Set<string>();
  const refused: string[] = [];
  rows.push(
    await measure(`${concurrentCreates} concurrent invoice creates, one sequence`, concurrentCreates, concurrentCreates, async () => {
      const body = invoiceBody(burstContact.id);
      // A refused create is a finding of the bench, not its end: it is counted and shown.
      await staff('POST', `/v1/orgs/${burstOrg.id}/invoices`, body, { 'idempotency-key': randomUUID() }).then(
        (invoice) => numbers.add(invoice.number),
        (error: Error) => refused.push(/: (\d{3}) /.exec(error.message)?.[1] ?? error.message),
      );
    }),
  );
  const refusals = refused.length ? `; ${refused.length} refused (${[...new Set(refused)].join(', ')})` : '';
  return `concurrent invoice creates: ${numbers.size} distinct numbers of ${concurrentCreates}${refusals}`;
}
