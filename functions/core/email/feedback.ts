import * as z from 'zod/mini';
import { log } from '../log.ts';
import { MAIL_TAG_ORGANIZATION, markUndeliverable, type UndeliverableReason } from './undeliverable.ts';

const recipients = /* @__PURE__ */ z.lazy(() => z.array(z.object({ emailAddress: z.string() })));
/** The mail a notification is about: its id, and the tags Portico sent it with. */
const mail = /* @__PURE__ */ z.lazy(() => z.object({ messageId: z.string(), tags: z.optional(z.record(z.string(), z.array(z.string()))) }));

/** The parts of an SES event (event publishing through a configuration set to SNS) that say an address takes no more mail. */
const SesEvent = /* @__PURE__ */ z.lazy(() =>
  z.union([
    z.object({
      eventType: z.literal('Bounce'),
      bounce: z.object({ bounceType: z.string(), bouncedRecipients: recipients, timestamp: z.string() }),
      mail,
    }),
    z.object({
      eventType: z.literal('Complaint'),
      complaint: z.object({ complainedRecipients: recipients, timestamp: z.string() }),
      mail,
    }),
  ]),
);

/** An address inside `Name <address>` or alone, as stored: lowercased. */
const addressOf = (recipient: string) => (recipient.match(/<([^>]+)>/)?.[1] ?? recipient).trim().toLowerCase();

/**
 * Applies one SES notification: a permanent bounce or a complaint marks each
 * recipient undeliverable for the organization the mail was sent for (its tag,
 * which only Portico sets). Transient bounces (a full mailbox) and anything
 * else are logged and left: SES retries those itself.
 */
export async function applyMailFeedback(message: string): Promise<{ marked: number }> {
  let parsed: z.infer<typeof SesEvent>;
  try {
    parsed = SesEvent.parse(JSON.parse(message));
  } catch {
    log.warn('mail feedback not understood, ignored');
    return { marked: 0 };
  }
  const orgId = parsed.mail.tags?.[MAIL_TAG_ORGANIZATION]?.[0];
  const [reason, found, at]: [UndeliverableReason | undefined, { emailAddress: string }[], string] =
    parsed.eventType === 'Bounce'
      ? [parsed.bounce.bounceType === 'Permanent' ? 'bounced' : undefined, parsed.bounce.bouncedRecipients, parsed.bounce.timestamp]
      : ['complained', parsed.complaint.complainedRecipients, parsed.complaint.timestamp];
  if (!orgId || !reason) {
    log.info('mail feedback needs nothing', { eventType: parsed.eventType, tagged: Boolean(orgId) });
    return { marked: 0 };
  }
  for (const recipient of found) await markUndeliverable(orgId, { email: addressOf(recipient.emailAddress), reason, at, messageId: parsed.mail.messageId });
  log.info('mail feedback applied', { orgId, reason, addresses: found.length });
  return { marked: found.length };
}
