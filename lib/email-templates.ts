import { CfnTemplate } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { listTemplates } from '../scripts/generate-email-templates.ts';

/** One SES template per folder in templates/email: the defaults a business's overrides replace. */
export function createEmailTemplates(scope: Construct, prefix: string): CfnTemplate[] {
  return listTemplates().map(
    (template) =>
      new CfnTemplate(scope, `EmailTemplate-${template.key}`, {
        template: { templateName: `${prefix}-${template.key}`, subjectPart: template.subject, htmlPart: template.html, textPart: template.text },
      }),
  );
}
