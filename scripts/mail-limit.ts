import { setOrganizationMailLimit } from '../functions/core/email/cap.ts';
import { getOrganization } from '../functions/core/orgs/repository.ts';

/**
 * The operator's command to set one organization's daily mail limit:
 * `TABLE_NAME=<table> npm run mail-limit -- <orgId> <emails per day>` with the
 * deployment's AWS credentials (locally, DYNAMODB_ENDPOINT too). Mail already
 * waiting goes on the next run of the releaseWaitingMail schedule.
 */
const [orgId, daily] = process.argv.slice(2);
if (!orgId || !daily || !/^[1-9]\d*$/.test(daily)) {
  console.error('usage: npm run mail-limit -- <orgId> <emails per day>');
  process.exit(2);
}
if (!(await getOrganization(orgId))) {
  console.error(`No organization ${orgId} in this table.`);
  process.exit(1);
}
await setOrganizationMailLimit(orgId, Number(daily));
console.log(`${orgId} may now send ${daily} emails a day.`);
