import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "Who of a contact's persons may sign in to the portal, their invitations, sign-in history, sessions and second factor.",
  operations: {
    'POST /v1/orgs/{orgId}/contacts/{contactId}/portal-access': {
      description:
        'With `password`, the business sets the first password (temporary unless `passwordPermanent`) and the person is mailed their credentials; without it, the person is mailed a one-time invitation link to choose one. `emailSent` per person says whether the mail went. Needs a portal (`422` otherwise).',
      example: { personIds: ['per_8k2m4q7x1z9c3v5b'], portalPermissions: ['view', 'approve', 'pay'] },
    },
    'POST /v1/orgs/{orgId}/portal-invitations': {
      description: 'Without `contactIds`: everyone whose access predates the last portal rename is invited again.',
      example: { contactIds: ['con_3n5b7v9c1x2z4m6k'] },
    },
  },
} satisfies AreaDocs<typeof routes>;
