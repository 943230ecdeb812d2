import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "The organization's staff: members with roles (owner, admin, billing, viewer), invitations and the activity of the team.",
  operations: {
    'POST /v1/orgs/{orgId}/members': {
      description: 'Stores an invitation for the email with the role and mails a one-time link, valid 7 days; `emailSent` says whether the mail went.',
      example: { email: 'sam@acme.example', role: 'billing' },
    },
    'PATCH /v1/orgs/{orgId}/members/{staffId}': { example: { role: 'admin' } },
    'POST /v1/staff-invitations/accept': {
      description: "The caller's ID token must carry a verified email, and it must be the invited one (`403`). An invitation works once.",
      example: { token: 'org_0ac4n51p7r8jfcz3.Yx3k9P2qLm8VbN4cR7tW1zA6sD0fG5hJ' },
    },
  },
} satisfies AreaDocs<typeof routes>;
