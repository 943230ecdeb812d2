import { administrators } from '../core/access/roles.ts';
import { OrgContactParams } from '../core/contacts/schema.ts';
import { ArchiveQuery } from '../core/documents/archive-schema.ts';
import { StaffDocument } from '../core/documents/responses.ts';
import { DocumentParams, OrgDocumentParams } from '../core/documents/schema.ts';
import { OrgParams } from '../core/orgs/schema.ts';
import { ContactPortalActivity } from '../core/portal-activity/responses.ts';
import { ReminderRunResult, RunRemindersBody } from '../core/reminders/schema.ts';
import { type RouteSpec, zipReply } from '../core/route-spec.ts';
import { ListQuery } from '../core/shapes.ts';

export const runRemindersRoute = {
  entry: 'collection/run-reminders',
  summary: 'Send the reminders due on a day (default today), as the daily run does: each invoice gets each reminder once',
  responses: { 200: ReminderRunResult },
  auth: 'member',
  roles: administrators,
  params: OrgParams,
  body: RunRemindersBody,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const remindInvoiceRoute = {
  entry: 'collection/remind-invoice',
  summary: "Remind the contact's persons of an open invoice now",
  responses: { 200: StaffDocument },
  errors: [409, 422],
  auth: 'member',
  params: OrgDocumentParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const resendDocumentRoute = {
  entry: 'collection/resend-document',
  summary: "Email a sent document again to the contact's persons with portal access",
  responses: { 200: StaffDocument },
  errors: [409, 422],
  auth: 'member',
  params: DocumentParams,
  needs: { table: 'readwrite' },
} as const satisfies RouteSpec;

export const getContactArchiveRoute = {
  entry: 'collection/get-contact-archive',
  summary: "A zip of a contact's sent documents as PDFs, newest first, with a manifest; `cursor` for the next part",
  responses: { 200: zipReply },
  auth: 'member',
  params: OrgContactParams,
  query: ArchiveQuery,
  needs: { table: 'read', logoBucket: 'read' },
  renders: 'pdf',
} as const satisfies RouteSpec;

export const getPortalActivityRoute = {
  entry: 'collection/get-portal-activity',
  summary: "What a contact's persons did in the portal: last sign-in per person; per sent document, who first opened it when and the reminders it got",
  responses: { 200: ContactPortalActivity },
  auth: 'member',
  params: OrgContactParams,
  query: ListQuery,
  needs: { table: 'read' },
} as const satisfies RouteSpec;

/** Getting paid: reminders of open invoices, documents sent again. */
export const routes = {
  'POST /v1/orgs/{orgId}/reminders/run': runRemindersRoute,
  'POST /v1/orgs/{orgId}/invoices/{docId}/remind': remindInvoiceRoute,
  'POST /v1/orgs/{orgId}/{kind}/{docId}/resend': resendDocumentRoute,
  'GET /v1/orgs/{orgId}/contacts/{contactId}/documents/archive': getContactArchiveRoute,
  'GET /v1/orgs/{orgId}/contacts/{contactId}/portal-activity': getPortalActivityRoute,
} as const satisfies Record<string, RouteSpec>;

export const area = 'Collection';
