import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: 'This description of the API.',
  operations: {},
} satisfies AreaDocs<typeof routes>;
