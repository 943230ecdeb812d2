import { local } from './local.ts';

export interface SentMail {
  from: string;
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** Every mail the SES emulator received for one address, oldest first. */
export async function mailsTo(address: string): Promise<SentMail[]> {
  const response = await fetch(`${local().sesUrl}/store`);
  const { emails } = (await response.json()) as { emails: SentMail[] };
  return emails.filter((mail) => mail.destination.to.includes(address));
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
