import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: 'Comments on a document between the business and its customer. A comment written on a draft is an internal note the portal never shows.',
  operations: {
    'POST /v1/orgs/{orgId}/{kind}/{docId}/comments': { example: { body: 'We have applied the discount we discussed on the phone.' } },
  },
} satisfies AreaDocs<typeof routes>;
