import type { SNSEvent } from 'aws-lambda';
import { applyMailFeedback } from '../core/email/feedback.ts';
import { withLogContext } from '../core/log.ts';

/** SES's bounce and complaint notifications, through the configuration set's SNS topic. */
export const handler = (event: SNSEvent) =>
  withLogContext(async () => {
    for (const record of event.Records) await applyMailFeedback(record.Sns.Message);
  });
