import { Contact, ContactPage, Person } from '../core/contacts/responses.ts';
import { CreateContactBody, OrgContactParams, OrgPersonParams, PersonBody, UpdateContactBody, UpdatePersonBody } from '../core/contacts/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const createContactRoute = {
  entry: 'contacts/create-contact',
  summary: 'Create a contact with its primary person (and more persons)',
  responses: { 201: Contact },
  auth: 'member',
  params: OrgParams,
  body: CreateContactBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const listContactsRoute = {
  entry: 'contacts/list-contacts',
  summary: "One page of the organization's contacts",
  responses: { 200: ContactPage },
  auth: 'member',
  params: OrgParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const getContactRoute = {
  entry: 'contacts/get-contact',
  summary: 'Read a contact with its persons',
  responses: { 200: Contact },
  auth: 'member',
  params: OrgContactParams,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

export const updateContactRoute = {
  entry: 'contacts/update-contact',
  summary: "Change a contact's name or email (its primary person's), address or tax id; a new email of a person with access is invited afresh",
  responses: { 200: Contact },
  errors: [409, 429],
  auth: 'member',
  params: OrgContactParams,
  body: UpdateContactBody,
  needs: { table: 'readwrite', portalPool: 'admin', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const deleteContactRoute = {
  entry: 'contacts/delete-contact',
  summary: "Delete a contact, disabling its persons' portal access",
  responses: { 204: null },
  errors: [409],
  auth: 'member',
  params: OrgContactParams,
  needs: { table: 'readwrite', portalPool: 'admin' },
} as const satisfies RouteSpec;

export const addPersonRoute = {
  entry: 'contacts/add-person',
  summary: 'Add a contact person',
  responses: { 201: Person },
  errors: [409, 422],
  auth: 'member',
  params: OrgContactParams,
  body: PersonBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const updatePersonRoute = {
  entry: 'contacts/update-person',
  summary: "Change a contact person's name or email; a new email of a person with access is invited afresh",
  responses: { 200: Person },
  errors: [409, 429],
  auth: 'member',
  params: OrgPersonParams,
  body: UpdatePersonBody,
  needs: { table: 'readwrite', portalPool: 'admin', email: true, mailLimits: true, web: true },
} as const satisfies RouteSpec;

export const removePersonRoute = {
  entry: 'contacts/remove-person',
  summary: 'Remove a contact person, disabling their portal access',
  responses: { 204: null },
  errors: [409, 422],
  auth: 'member',
  params: OrgPersonParams,
  needs: { table: 'readwrite', portalPool: 'admin' },
} as const satisfies RouteSpec;

/** Contacts (customers) and their contact persons. */
export const routes = {
  'POST /v1/orgs/{orgId}/contacts': createContactRoute,
  'GET /v1/orgs/{orgId}/contacts': listContactsRoute,
  'GET /v1/orgs/{orgId}/contacts/{contactId}': getContactRoute,
  'PATCH /v1/orgs/{orgId}/contacts/{contactId}': updateContactRoute,
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}': deleteContactRoute,
  'POST /v1/orgs/{orgId}/contacts/{contactId}/persons': addPersonRoute,
  'PATCH /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': updatePersonRoute,
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': removePersonRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Contacts';
