import { local } from './local.ts';
import { waitFor } from './wait.ts';

export interface SentMail {
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** As the SES emulator keeps them: content in base64. */
  attachments?: { filename?: string; contentType: string; content: string; size: number }[];
}

/** Every mail the SES emulator received for one address, oldest first. */
export async function mailsTo(address: string): Promise<SentMail[]> {
  const response = await fetch(`${local().sesUrl}/store`);
  const { emails } = (await response.json()) as { emails: SentMail[] };
  return emails.filter((mail) => mail.destination.to.includes(address));
}

/**
 * Waits until an address has received `count` mails (those `matching`, when
 * given) and returns them all: mails sent from the consumer lane arrive a
 * moment after the request that caused them. Assert on the length to catch extras.
 */
export async function waitForMails(
  address: string,
  count: number,
  timeoutMs = 10_000,
  matching: (mail: SentMail) => boolean = () => true,
): Promise<SentMail[]> {
  let found = 0;
  return waitFor(
    () => `${count} mails to ${address} (found ${found})`,
    async () => {
      const mails = (await mailsTo(address)).filter(matching);
      found = mails.length;
      return mails.length >= count ? mails : undefined;
    },
    timeoutMs,
  );
}

/** Makes the next `count` sends to an address fail as SES fails a rejected message (the local runtime's fault switch). */
export async function rejectNextMails(address: string, count: number): Promise<void> {
  const response = await fetch(`${local().sesFaultsUrl}/faults`, { method: 'POST', body: JSON.stringify({ to: address, count }) });
  if (response.status !== 204) throw new Error(`arming the SES fault switch failed: ${response.status}`);
}

/** Has SES report the next mail to an address, once delivered, as a permanent bounce or a complaint (the local runtime's fault switch, through the mail-feedback function). */
export async function reportNextMail(address: string, feedback: 'bounce' | 'complaint'): Promise<void> {
  const response = await fetch(`${local().sesFaultsUrl}/faults`, { method: 'POST', body: JSON.stringify({ to: address, feedback }) });
  if (response.status !== 204) throw new Error(`arming the SES fault switch failed: ${response.status}`);
}

/** How many of the rejections asked for an address are still to come. */
export async function rejectionsLeft(address: string): Promise<number> {
  const left = (await (await fetch(`${local().sesFaultsUrl}/faults`)).json()) as Record<string, number>;
  return left[address.toLowerCase()] ?? 0;
}

/** The one mail an address received; fails when there is none or more. */
export async function onlyMailTo(address: string): Promise<SentMail> {
  const mails = await mailsTo(address);
  if (mails.length !== 1) throw new Error(`expected one mail to ${address}, found ${mails.length}`);
  return mails[0]!;
}

/** The invitation token in an invitation email's text. */
export function invitationToken(mail: SentMail): string {
  const token = /\/invitation\?token=([A-Za-z0-9_-]+)/.exec(mail.body.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation link in: ${mail.body.text}`);
  return token;
}
