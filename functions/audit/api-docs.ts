import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

export const docs = {
  tag: 'Every change to the organization — documents, payments, refunds, credit, portal access, the portal name, email templates, the team, settings — as one hash chain: each entry holds the SHA-256 of the one before (docs/audit-trail.md).',
  operations: {
    'GET /v1/orgs/{orgId}/audit/verify': {
      description:
        'Reads the head, then every entry up to it, recomputing each hash and link. A call spends at most 6 s (about 100,000 entries); when that runs out before the head, `ok` is false without `firstBroken` and `resumeFrom` says where to call again with `?from=`.',
    },
    'GET /v1/orgs/{orgId}/audit/export': {
      description:
        'At most `limit` lines from `from` on, one entry per line with its seven fields. The header `audit-next-from` names the next slice while entries up to the head remain. docs/audit-trail.md has the script that verifies the lines offline.',
    },
  },
} satisfies AreaDocs<typeof routes>;
