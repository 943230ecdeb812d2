import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { appliedBrandColor } from '../branding/colour.ts';
import { config, region } from '../config.ts';
import { organizationLanguage } from '../contacts/language.ts';
import type { TemplateKey, TemplateValues } from '../email-templates/catalog.ts';
import { defaultTemplate } from '../email-templates/defaults.ts';
import { renderBusinessTemplate, renderTemplate, withLogo } from '../email-templates/render.ts';
import { getOverride } from '../email-templates/repository.ts';
import { NotFound } from '../errors.ts';
import type { Language } from '../i18n/languages.ts';
import { log } from '../log.ts';
import { count } from '../metrics.ts';
import { getOrganization } from '../orgs/repository.ts';
import { logoUrl } from '../orgs/view.ts';
import { countMail } from './cap.ts';
import { senderFor } from './sender.ts';
import { getUndeliverable, MAIL_TAG_ORGANIZATION } from './undeliverable.ts';

let client: SESv2Client | undefined;
const ses = () => (client ??= new SESv2Client({ region: region(), endpoint: config('email').SES_ENDPOINT }));

export interface SendOptions {
  /** The staff user whose action sends it: counted against their daily limit too. */
  senderId?: string | undefined;
  /** The reader's language (a portal person's); absent: the organization's, as for staff. */
  language?: Language | undefined;
  /** Files sent with the mail (a statement's PDF), as SES attachments. */
  attachments?: readonly MailAttachment[] | undefined;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Sends one of the catalog's emails to one recipient in the reader's language,
 * with the organization's override in that language when it has one (else that
 * language's default), branded with its colour and logo, in the organization's
 * name from the platform's address, counted against the organization's and the
 * sending staff user's daily limits (`MailCapReached` over one); never to an
 * address SES reported as bouncing or complaining for the organization.
 * Rendered here rather than by SES templates, because SES does not HTML-escape
 * values and names come from customers.
 */
export async function sendEmail<K extends TemplateKey>(orgId: string, key: K, to: string, values: TemplateValues<K>, options: SendOptions = {}): Promise<void> {
  const { senderId } = options;
  const [organization, undeliverable] = await Promise.all([getOrganization(orgId), getUndeliverable(orgId, to)]);
  if (!organization) throw new NotFound('Organization');
  if (undeliverable) {
    // SES reported the address; mailing it again harms the platform's sending reputation. Staff see it and confirm or change it.
    count('MailsUndeliverable');
    log.info('email not sent: the address bounced or complained', { orgId, template: key, reason: undeliverable.reason });
    return;
  }
  const language = options.language ?? organizationLanguage(organization);
  const override = await getOverride(orgId, key, language);
  const branded = {
    ...values,
    brandColor: appliedBrandColor(organization.branding.color),
    logoUrl: logoUrl(organization.branding, organization.portalName) ?? '',
  };
  const { subject, html, text } = override
    ? renderBusinessTemplate(override, branded)
    : withLogo(renderTemplate(defaultTemplate(key, language), branded), branded.logoUrl, organization.name);
  const { from, replyTo } = senderFor(organization, config('email').EMAIL_FROM);
  await countMail({ organization, senderId });
  const { MessageId } = await ses().send(
    new SendEmailCommand({
      ConfigurationSetName: config('email').SES_CONFIGURATION_SET,
      // SES hands the tags back with a bounce or complaint: the organization whose mail it was.
      EmailTags: [{ Name: MAIL_TAG_ORGANIZATION, Value: orgId }],
      FromEmailAddress: from,
      ReplyToAddresses: replyTo,
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: subject, Charset: 'UTF-8' },
          Body: { Html: { Data: html, Charset: 'UTF-8' }, Text: { Data: text, Charset: 'UTF-8' } },
          ...(options.attachments?.length && {
            Attachments: options.attachments.map((file) => ({
              FileName: file.filename,
              ContentType: file.contentType,
              ContentDisposition: 'ATTACHMENT' as const,
              RawContent: file.content,
            })),
          }),
        },
      },
    }),
  );
  count('MailsSent');
  log.info('email sent', { orgId, template: key, messageId: MessageId });
}
