import { confirmAddress } from '../core/email/addresses.ts';
import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { routes } from './routes.ts';

export const handler = http(routes['DELETE /v1/orgs/{orgId}/mail/undeliverable/{email}'], async ({ caller, params }) => {
  await confirmAddress(caller, params.email);
  return noContent();
});
