import * as z from 'zod';
import { resourceMissing } from '../errors.ts';
import { stripeId, unixNow } from '../ids.ts';
import type { Account } from '../objects.ts';
import { metadata, parseParams, text } from '../params.ts';
import { route } from '../router.ts';
import { type ApiHandler, noParams } from './handler.ts';

/** Standard accounts only: the kind Portico connects (Express and Custom are not doubled). */
const CreateAccount = z.strictObject({
  type: z.optional(z.enum(['standard'])),
  controller: z.optional(z.record(z.string(), z.unknown())),
  country: z.optional(z.string().length(2)),
  email: z.optional(text),
  default_currency: z.optional(text),
  business_type: z.optional(z.enum(['individual', 'company', 'non_profit', 'government_entity'])),
  business_profile: z.optional(
    z.strictObject({
      name: z.optional(text),
      url: z.optional(text),
      mcc: z.optional(text),
      product_description: z.optional(text),
      support_email: z.optional(text),
    }),
  ),
  metadata: z.optional(metadata),
});

const createAccount: ApiHandler = (double, { params }) => {
  const input = parseParams(CreateAccount, params);
  return double.store.put<Account>(null, {
    id: stripeId('acct'),
    object: 'account',
    type: 'standard',
    country: input.country ?? 'US',
    email: input.email ?? null,
    default_currency: input.default_currency ?? 'usd',
    business_profile: { name: input.business_profile?.name ?? null, url: input.business_profile?.url ?? null },
    // Until its owner completes onboarding (the account link's page), it cannot take payments.
    charges_enabled: false,
    payouts_enabled: false,
    details_submitted: false,
    requirements: { currently_due: ['business_profile.url', 'external_account', 'tos_acceptance.date'], disabled_reason: 'requirements.past_due' },
    metadata: input.metadata ?? {},
    created: unixNow(),
  });
};

/** The platform reads any account it connected; a connected account only itself. */
const retrieveAccount: ApiHandler = (double, { owner, params, pathParams }) => {
  noParams(params);
  const account = double.store.locate('account', pathParams.id!)?.value;
  if (!account || (owner !== null && owner !== account.id)) throw resourceMissing('account', pathParams.id!);
  return account;
};

export const accountRoutes = [route('POST', '/v1/accounts', createAccount), route('GET', '/v1/accounts/:id', retrieveAccount)];
