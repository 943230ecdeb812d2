import { docs as auditDocs } from './audit/api-docs.ts';
import * as audit from './audit/routes.ts';
import { docs as brandingDocs } from './branding/api-docs.ts';
import * as branding from './branding/routes.ts';
import { docs as collectionDocs } from './collection/api-docs.ts';
import * as collection from './collection/routes.ts';
import { docs as commentsDocs } from './comments/api-docs.ts';
import * as comments from './comments/routes.ts';
import { docs as contactsDocs } from './contacts/api-docs.ts';
import * as contacts from './contacts/routes.ts';
import type { HttpMethod, Route, RouteDocs, RouteSpec } from './core/route-spec.ts';
import { docs as documentsDocs } from './documents/api-docs.ts';
import * as documents from './documents/routes.ts';
import { docs as emailTemplatesDocs } from './email-templates/api-docs.ts';
import * as emailTemplates from './email-templates/routes.ts';
import { docs as gstEinvoiceDocs } from './gst-einvoice/api-docs.ts';
import * as gstEinvoice from './gst-einvoice/routes.ts';
import { docs as orgsDocs } from './orgs/api-docs.ts';
import * as orgs from './orgs/routes.ts';
import { docs as outgoingWebhooksDocs } from './outgoing-webhooks/api-docs.ts';
import * as outgoingWebhooks from './outgoing-webhooks/routes.ts';
import { docs as paymentsDocs } from './payments/api-docs.ts';
import * as payments from './payments/routes.ts';
import { docs as portalDocs } from './portal/api-docs.ts';
import * as portal from './portal/routes.ts';
import { docs as portalAccessDocs } from './portal-access/api-docs.ts';
import * as portalAccess from './portal-access/routes.ts';
import { docs as portalNamesDocs } from './portal-names/api-docs.ts';
import * as portalNames from './portal-names/routes.ts';
import { docs as receivablesDocs } from './receivables/api-docs.ts';
import * as receivables from './receivables/routes.ts';
import { docs as staffMfaDocs } from './staff-mfa/api-docs.ts';
import * as staffMfa from './staff-mfa/routes.ts';
import { docs as stripeDocs } from './stripe/api-docs.ts';
import * as stripe from './stripe/routes.ts';
import { docs as systemDocs } from './system/api-docs.ts';
import * as system from './system/routes.ts';
import { docs as teamDocs } from './team/api-docs.ts';
import * as team from './team/routes.ts';
import { docs as webhooksDocs } from './webhooks/api-docs.ts';
import * as webhooks from './webhooks/routes.ts';

interface Area {
  area: string;
  routes: Record<string, RouteSpec>;
  docs?: { tag: string; operations: Partial<Record<string, RouteDocs>> };
}

/**
 * Every area's routes, merged: for the stack, the local gateway, the OpenAPI
 * document, the docs and tests. No handler imports this file: each imports its
 * own route by name from its area's `routes.ts`, so a bundle holds only what its routes reach.
 */
const areas: Area[] = [
  { ...orgs, docs: orgsDocs },
  { ...portalNames, docs: portalNamesDocs },
  { ...branding, docs: brandingDocs },
  { ...contacts, docs: contactsDocs },
  { ...portalAccess, docs: portalAccessDocs },
  { ...emailTemplates, docs: emailTemplatesDocs },
  { ...documents, docs: documentsDocs },
  { ...gstEinvoice, docs: gstEinvoiceDocs },
  { ...comments, docs: commentsDocs },
  { ...payments, docs: paymentsDocs },
  { ...receivables, docs: receivablesDocs },
  { ...collection, docs: collectionDocs },
  { ...stripe, docs: stripeDocs },
  { ...webhooks, docs: webhooksDocs },
  { ...outgoingWebhooks, docs: outgoingWebhooksDocs },
  { ...team, docs: teamDocs },
  { ...staffMfa, docs: staffMfaDocs },
  { ...audit, docs: auditDocs },
  { ...portal, docs: portalDocs },
  { ...system, docs: systemDocs },
];

export const routes = {
  ...orgs.routes,
  ...portalNames.routes,
  ...branding.routes,
  ...contacts.routes,
  ...portalAccess.routes,
  ...emailTemplates.routes,
  ...documents.routes,
  ...comments.routes,
  ...payments.routes,
  ...receivables.routes,
  ...collection.routes,
  ...stripe.routes,
  ...webhooks.routes,
  ...outgoingWebhooks.routes,
  ...team.routes,
  ...staffMfa.routes,
  ...audit.routes,
  ...portal.routes,
  ...system.routes,
};

export type RouteKey = keyof typeof routes;
export type { HttpMethod, Route };

/** The table as a list, area by area, with method and path split out of each key. */
export function routeList(): Route[] {
  return areas.flatMap(({ area, routes: declared, docs }) =>
    Object.entries(declared).map(([key, spec]) => {
      const [method, path] = key.split(' ') as [HttpMethod, string];
      const routeDocs: RouteDocs = docs?.operations[key] ?? {};
      return { ...spec, ...routeDocs, key, method, path, area };
    }),
  );
}

/** Each area's OpenAPI tag, in the table's order, with what the area is for. */
export const areaTags = () => areas.map(({ area, docs }) => ({ name: area, ...(docs ? { description: docs.tag } : {}) }));

/** The entry that answers requests no route matches (404, or 405 with the allowed methods). */
export const FALLBACK_ENTRY = 'system/fallback';

/**
 * What every other function answers a route key it does not serve: API Gateway
 * sends it none (each route names its function), so it needs no route table.
 */
export const UNROUTED_ENTRY = 'system/unrouted';
