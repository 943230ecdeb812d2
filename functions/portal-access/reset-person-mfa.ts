import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { resetPersonMfa } from '../core/portal-access/mfa.ts';
import { resetPersonMfaRoute } from './routes.ts';

export const handler = http(resetPersonMfaRoute, async ({ caller, params }) => {
  await resetPersonMfa(caller, params.contactId, params.personId);
  return noContent();
});
