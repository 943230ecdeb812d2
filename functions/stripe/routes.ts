import { administrators } from '../core/access/roles.ts';
import { OnboardingLink, StripeConnectionState } from '../core/online-payments/responses.ts';
import { OnboardingPageParams } from '../core/online-payments/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import { htmlReply, type RouteSpec } from '../core/route-spec.ts';

export const connectStripeRoute = {
  entry: 'stripe/connect-stripe',
  summary: "Create the organization's Stripe account once; a fresh onboarding link",
  responses: { 200: OnboardingLink },
  errors: [409, 422],
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  needs: { table: 'readwrite', stripe: true, web: true },
} as const satisfies RouteSpec;

export const getStripeConnectionRoute = {
  entry: 'stripe/get-stripe-connection',
  summary: "The organization's Stripe account: connected, able to take charges, details submitted",
  responses: { 200: StripeConnectionState },
  auth: 'member',
  params: OrgParams,
  // Writes a refreshed state; `web` only so it shares the connect route's function (an address, no grant).
  needs: { table: 'readwrite', stripe: true, web: true },
} as const satisfies RouteSpec;

export const renderOnboardingPageRoute = {
  entry: 'stripe/render-onboarding-page',
  summary: 'The page a Stripe onboarding link returns to (no sign-in): connected, or what Stripe still needs; an expired link says how to get a new one',
  responses: { 200: htmlReply, 404: htmlReply },
  auth: 'none',
  params: OnboardingPageParams,
  // Stores a refreshed state as `GET …/stripe` does; `web` for the link back to the staff app.
  needs: { table: 'readwrite', stripe: true, web: true },
} as const satisfies RouteSpec;

/** Connecting the organization's Stripe account. */
export const routes = {
  'POST /v1/orgs/{orgId}/stripe/connect': connectStripeRoute,
  'GET /v1/orgs/{orgId}/stripe': getStripeConnectionRoute,
  'GET /stripe/onboarding/{state}/{outcome}': renderOnboardingPageRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Stripe connection';
