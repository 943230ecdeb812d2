import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: 'What customers owe: statements of account and the accounts-receivable aging report.',
  operations: {},
} satisfies AreaDocs<typeof routes>;
