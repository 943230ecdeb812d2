import { confirmAddress } from '../core/email/addresses.ts';
import { http } from '../core/http/handler.ts';
import { noContent } from '../core/http/responses.ts';
import { confirmAddressRoute } from './routes.ts';

export const handler = http(confirmAddressRoute, async ({ caller, params }) => {
  await confirmAddress(caller, params.email);
  return noContent();
});
