import { getOrganization } from '../functions/core/orgs/repository.ts';
import { backfillAggregates } from '../functions/core/receivables/backfill.ts';

/**
 * The operator's command to build organizations' receivables aggregates from
 * their open documents: `TABLE_NAME=<table> npm run backfill-receivables --
 * [--reset] <orgId>...` with the deployment's AWS credentials (locally,
 * DYNAMODB_ENDPOINT too); `-` reads the ids from standard input, one a line.
 * Safe to run again and while the consumer lane runs; `--reset` deletes the
 * aggregates first and is for a quiet moment (docs/operations.md).
 */
const args = process.argv.slice(2);
const reset = args.includes('--reset');
const named = args.filter((arg) => arg !== '--reset');
const orgIds = named.includes('-') ? [...named.filter((arg) => arg !== '-'), ...(await standardInputLines())] : named;
if (orgIds.length === 0 || orgIds.some((orgId) => orgId.startsWith('-'))) {
  console.error('usage: npm run backfill-receivables -- [--reset] <orgId>... (or - to read the ids from standard input)');
  process.exit(2);
}

let failed = 0;
for (const orgId of orgIds) {
  if (!(await getOrganization(orgId))) {
    console.error(`${orgId}: no such organization in this table.`);
    failed++;
    continue;
  }
  const result = await backfillAggregates(orgId, { reset });
  console.log(
    `${orgId}: ${result.documents} open documents read, ${result.moved} brought into the aggregates${reset ? `, ${result.cleared} items cleared first` : ''}.`,
  );
}
process.exit(failed > 0 ? 1 : 0);

async function standardInputLines(): Promise<string[]> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
