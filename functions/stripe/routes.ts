import { administrators } from '../core/access/roles.ts';
import { OnboardingLink, StripeConnectionState } from '../core/online-payments/responses.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';

/** Connecting the organization's Stripe account. */
export const routes = {
  'POST /v1/orgs/{orgId}/stripe/connect': {
    entry: 'stripe/connect-stripe',
    summary: "Create the organization's Stripe account once; a fresh onboarding link",
    responses: { 200: OnboardingLink },
    errors: [409, 422],
    auth: 'member',
    roles: administrators,
    params: OrgParams,
    needs: { table: 'readwrite', stripe: true, web: true },
  },
  'GET /v1/orgs/{orgId}/stripe': {
    entry: 'stripe/get-stripe-connection',
    summary: "The organization's Stripe account: connected, able to take charges, details submitted",
    responses: { 200: StripeConnectionState },
    auth: 'member',
    params: OrgParams,
    // Writes a refreshed state; `web` only so it shares the connect route's function (an address, no grant).
    needs: { table: 'readwrite', stripe: true, web: true },
  },
} as const satisfies Record<string, RouteSpec>;

export const area = 'Stripe connection';
