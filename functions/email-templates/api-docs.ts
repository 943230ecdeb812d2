import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "The emails Portico sends for the organization: defaults, the organization's overrides and previews.",
  operations: {
    'PUT /v1/orgs/{orgId}/email-templates/{key}': {
      description:
        "Saves an override. `{{placeholder}}`s must be the template's own (`422` names the unknown one). The HTML is cut to a text-layout subset when saved: scripts, forms, images from elsewhere and links to anything but the platform's URL placeholders are removed, not refused; the answer shows what was stored.",
      example: {
        subject: 'Invoice {{documentNumber}} from {{orgName}}',
        html: '<p>Hello {{personName}},</p><p>Your invoice {{documentNumber}} for {{documentTotal}} is due {{dueDate}}.</p><p><a href="{{documentUrl}}">View it online</a></p>',
        text: 'Hello {{personName}},\n\nYour invoice {{documentNumber}} for {{documentTotal}} is due {{dueDate}}.\n\n{{documentUrl}}',
      },
    },
    'POST /v1/orgs/{orgId}/email-templates/{key}/preview': {
      description: 'Renders the stored template, or the draft in the body, with its sample values overridden by `values`. Nothing is saved or sent.',
      example: { subject: 'Invoice {{documentNumber}}', values: { documentNumber: 'INV-000042' } },
    },
  },
} satisfies AreaDocs<typeof routes>;
