import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: "The business's customers (contacts) and their persons, who may get portal access.",
  operations: {
    'POST /v1/orgs/{orgId}/contacts': {
      description:
        "Creates a contact whose `name` and `email` are its primary person's, with up to 24 more persons. Nobody gets portal access until it is enabled (`…/portal-access`).",
      example: {
        name: 'Globex Corporation',
        email: 'ann@globex.example',
        persons: [{ name: 'Bob Lee', email: 'bob@globex.example', portalPermissions: ['view', 'approve'] }],
      },
    },
    'PATCH /v1/orgs/{orgId}/contacts/{contactId}': { example: { name: 'Globex Corp.', email: 'accounts@globex.example' } },
    'DELETE /v1/orgs/{orgId}/contacts/{contactId}': {
      description: 'A contact that has documents cannot be deleted (`409 CONTACT_HAS_DOCUMENTS`): its invoices would lose their customer.',
    },
    'POST /v1/orgs/{orgId}/contacts/{contactId}/persons': {
      example: { name: 'Carla Díaz', email: 'carla@globex.example', portalPermissions: ['view', 'pay'] },
    },
    'PATCH /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': { example: { portalPermissions: ['view', 'approve', 'pay'] } },
  },
} satisfies AreaDocs<typeof routes>;
