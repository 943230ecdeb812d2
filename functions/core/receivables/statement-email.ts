import { actorRef } from '../access/actor.ts';
import type { StaffContext } from '../access/context.ts';
import { readerLanguage } from '../contacts/language.ts';
import { requireContact } from '../contacts/lookup.ts';
import type { Contact, Person } from '../contacts/schema.ts';
import { transact } from '../db/transact.ts';
import { requireMailAllowance } from '../email/cap.ts';
import { getUndeliverable } from '../email/undeliverable.ts';
import { NotFound, Unprocessable } from '../errors.ts';
import { idempotent } from '../idempotency/service.ts';
import { newOutboxEvent, outboxStep } from '../outbox/repository.ts';
import type { StatementEmailInput } from './schema.ts';
import { statementPage, statementSource } from './service.ts';
import { requirePrintable } from './statement-limits.ts';

/**
 * Staff email a contact's statement: checked here (period, currency, persons,
 * size, today's mail limits), queued as one outbox event in one transaction
 * with the idempotency record, and sent from the consumer lane with the PDF
 * attached, to each person in their language. The same Idempotency-Key
 * answers the first request's reply and queues nothing more.
 */
export async function emailStatement(staff: StaffContext, contactId: string, input: StatementEmailInput, idempotencyKey: string | undefined) {
  return idempotent({ orgId: staff.orgId, scope: `statement-email-${contactId}`, key: idempotencyKey, request: input }, async (complete) => {
    const contact = await requireContact(staff.orgId, contactId);
    const source = await statementSource(staff.organization, contact, input);
    if (input.currency !== undefined && input.currency !== staff.organization.currency && !source.currencies.includes(input.currency)) {
      throw new Unprocessable('UNKNOWN_CURRENCY', `The contact has nothing in ${input.currency}: choose one of its currencies or the organization's.`, {
        field: 'currency',
        currencies: source.currencies,
      });
    }
    // Builds the first line to check the period (`to` before `from` is refused) and the size, before anything is queued.
    statementPage(source, { limit: 1 });
    requirePrintable(source);
    const persons = await recipients(staff.orgId, contact, input.personIds);
    await requireMailAllowance({ organization: staff.organization, senderId: staff.staffId }, persons.length);
    const reply = {
      contactId: contact.id,
      currency: source.currency,
      from: source.from,
      to: source.to,
      recipients: persons.map((person) => ({ personId: person.id, email: person.email, language: readerLanguage(staff.organization, contact, person) })),
    };
    const event = newOutboxEvent(staff.orgId, 'statement.emailed', actorRef(staff), {
      contactId: contact.id,
      from: source.from,
      to: source.to,
      currency: source.currency,
      recipients: persons.map((person) => person.id),
    });
    await transact([outboxStep(event), ...complete(reply)]);
    return reply;
  });
}

/**
 * The persons to send it to: those named (each must be one of this contact's),
 * else every person of the contact; addresses SES reported bouncing or
 * complaining are left out. Nobody left is a 422.
 */
async function recipients(orgId: string, contact: Contact, personIds: readonly string[] | undefined): Promise<Person[]> {
  const named = personIds === undefined ? contact.persons : [...new Set(personIds)].map((id) => personOf(contact, id));
  const reachable = await Promise.all(named.map(async (person) => ((await getUndeliverable(orgId, person.email)) ? undefined : person)));
  const persons = reachable.filter((person) => person !== undefined);
  if (persons.length === 0) {
    throw new Unprocessable('NO_RECIPIENTS', "Nobody can receive this statement: every chosen person's address is bouncing or was reported.");
  }
  return persons;
}

function personOf(contact: Contact, personId: string): Person {
  const person = contact.persons.find((candidate) => candidate.id === personId);
  if (!person) throw new NotFound('Person');
  return person;
}
