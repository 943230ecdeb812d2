import { Contact, ContactPage, Person } from '../core/contacts/responses.ts';
import { CreateContactBody, OrgContactParams, OrgPersonParams, PersonBody, UpdateContactBody, UpdatePersonBody } from '../core/contacts/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import type { RouteSpec } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

/** Contacts (customers) and their contact persons. */
export const routes = {
  'POST /v1/orgs/{orgId}/contacts': {
    entry: 'contacts/create-contact',
    summary: 'Create a contact with its primary person (and more persons)',
    responses: { 201: Contact },
    auth: 'member',
    params: OrgParams,
    body: CreateContactBody,
    needs: { table: 'readwrite' },
  },
  'GET /v1/orgs/{orgId}/contacts': {
    entry: 'contacts/list-contacts',
    summary: "One page of the organization's contacts",
    responses: { 200: ContactPage },
    auth: 'member',
    params: OrgParams,
    query: ListQuery,
    needs: { table: 'read' },
  },
  'GET /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/get-contact',
    summary: 'Read a contact with its persons',
    responses: { 200: Contact },
    auth: 'member',
    params: OrgContactParams,
    needs: { table: 'read' },
  },
  'PATCH /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/update-contact',
    summary: "Change a contact's name or email (its primary person's), address or tax id; a new email of a person with access is invited afresh",
    responses: { 200: Contact },
    errors: [409, 429],
    auth: 'member',
    params: OrgContactParams,
    body: UpdateContactBody,
    needs: { table: 'readwrite', portalPool: 'admin', email: true, mailLimits: true, web: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}': {
    entry: 'contacts/delete-contact',
    summary: "Delete a contact, disabling its persons' portal access",
    responses: { 204: null },
    errors: [409],
    auth: 'member',
    params: OrgContactParams,
    needs: { table: 'readwrite', portalPool: 'admin' },
  },
  'POST /v1/orgs/{orgId}/contacts/{contactId}/persons': {
    entry: 'contacts/add-person',
    summary: 'Add a contact person',
    responses: { 201: Person },
    errors: [409, 422],
    auth: 'member',
    params: OrgContactParams,
    body: PersonBody,
    needs: { table: 'readwrite' },
  },
  'PATCH /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': {
    entry: 'contacts/update-person',
    summary: "Change a contact person's name or email; a new email of a person with access is invited afresh",
    responses: { 200: Person },
    errors: [409, 429],
    auth: 'member',
    params: OrgPersonParams,
    body: UpdatePersonBody,
    needs: { table: 'readwrite', portalPool: 'admin', email: true, mailLimits: true, web: true },
  },
  'DELETE /v1/orgs/{orgId}/contacts/{contactId}/persons/{personId}': {
    entry: 'contacts/remove-person',
    summary: 'Remove a contact person, disabling their portal access',
    responses: { 204: null },
    errors: [409, 422],
    auth: 'member',
    params: OrgPersonParams,
    needs: { table: 'readwrite', portalPool: 'admin' },
  },
} as const satisfies Record<string, RouteSpec>;

export const area = 'Contacts';
