import * as comments from './comments/routes.ts';
import * as contacts from './contacts/routes.ts';
import type { HttpMethod, Route, RouteSpec } from './core/route-spec.ts';
import * as documents from './documents/routes.ts';
import * as emailTemplates from './email-templates/routes.ts';
import * as orgs from './orgs/routes.ts';
import * as outgoingWebhooks from './outgoing-webhooks/routes.ts';
import * as payments from './payments/routes.ts';
import * as portal from './portal/routes.ts';
import * as portalAccess from './portal-access/routes.ts';
import * as portalNames from './portal-names/routes.ts';
import * as receivables from './receivables/routes.ts';
import * as staffMfa from './staff-mfa/routes.ts';
import * as stripe from './stripe/routes.ts';
import * as system from './system/routes.ts';
import * as team from './team/routes.ts';
import * as webhooks from './webhooks/routes.ts';

/**
 * Every area's routes, merged: for the stack, the local gateway, the OpenAPI
 * document, the docs and tests. No handler imports this file: each takes its
 * route from its own area's `routes.ts`, so a bundle holds only what its routes reach.
 */
const areas = [
  orgs,
  portalNames,
  contacts,
  portalAccess,
  emailTemplates,
  documents,
  comments,
  payments,
  receivables,
  stripe,
  webhooks,
  outgoingWebhooks,
  team,
  staffMfa,
  portal,
  system,
];

export const routes = {
  ...orgs.routes,
  ...portalNames.routes,
  ...contacts.routes,
  ...portalAccess.routes,
  ...emailTemplates.routes,
  ...documents.routes,
  ...comments.routes,
  ...payments.routes,
  ...receivables.routes,
  ...stripe.routes,
  ...webhooks.routes,
  ...team.routes,
  ...staffMfa.routes,
  ...portal.routes,
  ...system.routes,
};

export type RouteKey = keyof typeof routes;
export type { HttpMethod, Route };

/** The table as a list, area by area, with method and path split out of each key. */
export function routeList(): Route[] {
  return areas.flatMap(({ area, routes: declared }) =>
    Object.entries(declared).map(([key, spec]) => {
      const [method, path] = key.split(' ') as [HttpMethod, string];
      return { ...(spec as RouteSpec), key, method, path, area };
    }),
  );
}

/** The entry that answers requests no route matches (404, or 405 with the allowed methods). */
export const FALLBACK_ENTRY = 'system/fallback';
