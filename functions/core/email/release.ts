import { clock } from '../clock.ts';
import { MailCapReached } from '../errors.ts';
import { log } from '../log.ts';
import { sendEmail } from './send.ts';
import { claimWaiting, everyWaiting, removeWaiting, unclaimWaiting, type WaitingMail } from './waiting-repository.ts';

/**
 * Sends the mail limits held back, oldest first, while each organization's
 * window allows, and the digests whose time has come. An organization whose
 * next mail cannot go (over its limit again, another run holding it, a failed
 * send) keeps the rest waiting
 * behind it, so its mail still goes in order. A crash between the send and
 * the removal sends that mail again once its claim lapses: at least once.
 */
export async function releaseWaitingMail(orgId?: string): Promise<{ sent: number; stillWaiting: number }> {
  const held = new Set<string>();
  let sent = 0;
  let stillWaiting = 0;
  const now = clock.now().getTime();
  for await (const mail of everyWaiting(orgId)) {
    if (mail.notBefore && Date.parse(mail.notBefore) > now) {
      stillWaiting++;
      continue;
    }
    if (held.has(mail.orgId) || !(await sendWaiting(mail))) {
      held.add(mail.orgId);
      stillWaiting++;
      continue;
    }
    sent++;
  }
  return { sent, stillWaiting };
}

async function sendWaiting(mail: WaitingMail): Promise<boolean> {
  if (!(await claimWaiting(mail))) return false;
  try {
    await sendEmail(mail.orgId, mail.template, mail.to, valuesOf(mail) as never, { senderId: mail.senderId, language: mail.language });
  } catch (error) {
    await unclaimWaiting(mail);
    if (!(error instanceof MailCapReached)) log.error('waiting email not sent', { orgId: mail.orgId, mailId: mail.id, error: (error as Error).name });
    return false;
  }
  await removeWaiting(mail);
  return true;
}

/** A digest's entries fill its one gathering value; any other mail goes with its values as held. */
function valuesOf(mail: WaitingMail): Record<string, string> {
  if (!mail.digestInto || !mail.entries) return mail.values;
  const more = mail.more ? [`…and ${mail.more} more: open the document to read them all.`] : [];
  return { ...mail.values, [mail.digestInto]: [...mail.entries, ...more].join('\n\n') };
}
