import { sendEmail } from '../email/send.ts';
import { hasWaitingMail, holdMail } from '../email/waiting-repository.ts';
import type { TemplateKey } from '../email-templates/catalog.ts';
import { MailCapReached } from '../errors.ts';
import { log } from '../log.ts';
import { count } from '../metrics.ts';
import type { OutboxEvent } from '../outbox/events.ts';
import { once } from '../outbox/once.ts';
import type { Mail } from './mails.ts';

/**
 * Sends an event's mails, each at most once per recipient however often the
 * event is delivered. One recipient's failure does not hold back the others;
 * it fails the event afterwards, so the retry sends only what is still unsent.
 * A mail over a daily limit, or behind mail already waiting, is held in the
 * organization's waiting mail (email/release.ts sends it when the window
 * opens): deferred, never dropped.
 */
export async function deliverOnce<E extends OutboxEvent, K extends TemplateKey>(
  event: E,
  mails: Mail<K>[],
  send: (event: E, mail: Mail<K>) => Promise<void> = sendOrHold,
): Promise<void> {
  let failure: unknown;
  for (const mail of mails) {
    try {
      const outcome = await once(event, mail.template, mail.recipient, () => send(event, mail));
      if (outcome === 'skipped') log.info('email already sent', { orgId: event.orgId, eventId: event.id, template: mail.template, recipient: mail.recipient });
    } catch (error) {
      log.error('email not sent', { orgId: event.orgId, eventId: event.id, template: mail.template, recipient: mail.recipient }, error);
      count('MailsDeferred');
      failure ??= error;
    }
  }
  if (failure) throw failure;
}

export async function sendOrHold<K extends TemplateKey>(event: OutboxEvent, mail: Mail<K>): Promise<void> {
  const senderId = event.actor.type === 'staff' ? event.actor.id : undefined;
  try {
    if (await hasWaitingMail(event.orgId)) throw new MailWaiting();
    await sendEmail(event.orgId, mail.template, mail.to, mail.values, { senderId, language: mail.language, attachments: mail.attachments });
  } catch (error) {
    if (!(error instanceof MailCapReached || error instanceof MailWaiting)) throw error;
    const id = `${event.id}#${mail.template}#${mail.recipient}`;
    await holdMail({
      orgId: event.orgId,
      at: event.at,
      id,
      template: mail.template,
      to: mail.to,
      values: mail.values,
      senderId,
      ...(mail.language && { language: mail.language }),
    });
    count('MailsHeld');
    log.warn('email held until the limit allows', { orgId: event.orgId, eventId: event.id, template: mail.template, recipient: mail.recipient });
  }
}

/** Earlier mail of the organization is waiting: this one waits behind it. */
class MailWaiting extends Error {}
