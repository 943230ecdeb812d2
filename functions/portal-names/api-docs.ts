import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: 'Portal names: unique across every organization; a form check before claiming one.',
  operations: {
    'GET /v1/portal-names/{name}': {
      description:
        'Answers `available`, or why not: `invalid`, `reserved` or `taken`. Only a form check: the claim itself (creating the organization or `PUT …/portal`) decides.',
    },
  },
} satisfies AreaDocs<typeof routes>;
