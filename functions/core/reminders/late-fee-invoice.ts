import { systemActor } from '../access/actor.ts';
import { commit, type Step } from '../audit/commit.ts';
import { readerLanguage } from '../contacts/language.ts';
import { requireContact } from '../contacts/lookup.ts';
import { type Decision, decideCreation } from '../documents/commands.ts';
import { composeDocument, type DocumentContent } from '../documents/compose.ts';
import { partiesOf } from '../documents/parties.ts';
import type { StoredDocument } from '../documents/schema.ts';
import { numberedDocument, writeNumbered } from '../documents/service.ts';
import { Conflict, Unprocessable } from '../errors.ts';
import { translate } from '../i18n/catalog.ts';
import { documentWords } from '../i18n/messages/documents.ts';
import { idempotent } from '../idempotency/service.ts';
import { log } from '../log.ts';
import { portalRecipients } from '../notifications/mails.ts';
import type { Organization } from '../orgs/schema.ts';
import { lateFeeAmount } from './late-fees.ts';
import { reminderScheduleOnSend } from './on-send.ts';
import { lateFeeRecordStep } from './repository.ts';
import { reminderSettings } from './settings.ts';

/**
 * Commits a due reminder's steps (`reminder`, given the fee it charged) with
 * the late fee it charges, if any; whether it charged one. The fee is claimed
 * first (an idempotency key per invoice and offset, released if the
 * transaction fails), so a second run at the same time takes no number and
 * leaves no hole in them: it is refused (409) and sends nothing, as the
 * reminder's own condition would refuse it.
 */
export async function commitWithLateFee(
  organization: Organization,
  invoice: StoredDocument,
  offset: number,
  on: string,
  reminder: (fee?: StoredDocument) => Step[],
): Promise<boolean> {
  const amount = lateFeeAmount(reminderSettings(organization).lateFees, offset, invoice);
  if (amount === undefined) {
    await commit(reminder());
    return false;
  }
  const claim = { orgId: organization.id, scope: 'late-fee', key: `${invoice.id}#${offset}`, request: {} };
  const { response, replayed } = await idempotent<string | null>(claim, async (complete) => {
    const fee = await lateFeeInvoice(organization, invoice, offset, amount, on);
    if (!fee) {
      await commit([...reminder(), ...complete(null)]);
      return null;
    }
    await writeNumbered(fee.document, [...reminder(fee.document), ...fee.steps, ...complete(fee.document.id)]);
    return fee.document.id;
  });
  if (replayed) throw new Conflict('LATE_FEE_CHARGED', `The reminder of ${invoice.number} at ${offset} days was sent already.`);
  return response !== null;
}

/**
 * The invoice of a late fee of `amount` the reminder at `offset` charges on
 * `invoice`, as the steps that write it already sent on `on`: for the same
 * contact and currency, one line "Late fee for invoice INV-…" in the
 * contact's language, outside the scope of VAT, due on receipt, with the
 * record that it was charged (put once per invoice and offset). Undefined
 * when the tax rules refuse such an invoice.
 */
async function lateFeeInvoice(organization: Organization, invoice: StoredDocument, offset: number, amount: number, on: string): Promise<Decision | undefined> {
  const contact = await requireContact(organization.id, invoice.contactId);
  const parties = partiesOf(organization, contact);
  const description = translate(documentWords, readerLanguage(organization, contact), 'lateFee.line', { number: invoice.number });
  const content = feeContent(invoice, () =>
    composeDocument(
      'invoice',
      {
        contactId: invoice.contactId,
        currency: invoice.currency,
        issueDate: on,
        dueDate: on,
        lines: [{ description, quantity: 1, unitPrice: amount, taxCode: 'outside_scope' }],
      },
      parties,
    ),
  );
  if (!content) return undefined;
  const draft = await numberedDocument(organization.id, 'invoice', content, invoice.createdBy, {
    seller: parties.seller,
    buyer: parties.buyer,
    lateFeeFor: { id: invoice.id, number: invoice.number, offset },
  });
  const recipients = organization.portalEnabled ? portalRecipients(contact).map((person) => person.id) : [];
  return decideCreation(
    draft,
    systemActor('scheduler'),
    {
      details: { recipients, lateFeeFor: invoice.number, offset },
      event: { docId: draft.id, recipients },
      steps: [lateFeeRecordStep(invoice, offset, draft), ...reminderScheduleOnSend(organization, draft, on)],
    },
    'chargeLateFee',
  );
}

/** The fee's content, or none when the rules refuse it: the reminder goes without its fee rather than not at all. */
function feeContent(invoice: StoredDocument, compose: () => DocumentContent): DocumentContent | undefined {
  try {
    return compose();
  } catch (error) {
    // India: a GST-registered organization's lines need an HSN/SAC code, and a fee has none.
    if (!(error instanceof Unprocessable)) throw error;
    log.warn('late fee not charged: its invoice would be refused', { orgId: invoice.orgId, docId: invoice.id, code: error.code });
    return undefined;
  }
}
