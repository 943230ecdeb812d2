import { sendEmail } from '../email/send.ts';
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
 * A mail over the organization's daily cap is recorded as done and logged:
 * retrying it would only fail again until the day is over.
 */
export async function deliverOnce<K extends TemplateKey>(event: OutboxEvent, mails: Mail<K>[]): Promise<void> {
  let failure: unknown;
  for (const mail of mails) {
    try {
      const outcome = await once(event, mail.template, mail.recipient, () => sendUnlessCapped(event, mail));
      if (outcome === 'skipped') log.info('email already sent', { orgId: event.orgId, eventId: event.id, template: mail.template, recipient: mail.recipient });
    } catch (error) {
      log.error('email not sent', { orgId: event.orgId, eventId: event.id, template: mail.template, recipient: mail.recipient }, error);
      count('MailsDeferred');
      failure ??= error;
    }
  }
  if (failure) throw failure;
}

async function sendUnlessCapped<K extends TemplateKey>(event: OutboxEvent, mail: Mail<K>): Promise<void> {
  try {
    await sendEmail(event.orgId, mail.template, mail.to, mail.values);
  } catch (error) {
    if (!(error instanceof MailCapReached)) throw error;
    count('MailsOverCap');
    log.warn('email over the daily cap, skipped', { orgId: event.orgId, eventId: event.id, template: mail.template, recipient: mail.recipient });
  }
}
