import type { AreaDocs } from '../core/route-spec.ts';
import type { routes } from './routes.ts';

/** What both archive routes (staff and portal) answer. */
export const ARCHIVE_DESCRIPTION =
  "A zip (`application/zip`, attachment) of the contact's sent documents as PDFs, newest issue date first, each `<number>.pdf`, and `manifest.json` listing them (file, id, kind, number, issue date, status) with `complete` and `nextCursor`. One archive holds at most 25 documents and 4 MB of PDFs (an API answer is at most 6 MB): when the contact has more, the zip holds the newest that fit, the manifest says `complete: false`, and the `x-next-cursor` header (also `nextCursor` in the manifest) passed as `cursor` answers the next archive. Drafts and other contacts' documents are never in it.";

export const docs = {
  tag: 'Getting paid on time: reminders of open invoices before, on and after their due date (the organization sets the days with `PATCH /v1/orgs/{orgId}` `reminders`), reminders by hand, documents emailed again.',
  operations: {
    'POST /v1/orgs/{orgId}/reminders/run': {
      description:
        "Owners and admins. Runs what the hourly schedule runs once the organization's day has reached 09:00 in its time zone: every open invoice whose next reminder falls on or before `asOf` gets the latest reminder due (before, on or after its due date, each its own email template), at most once per invoice and offset however often it runs. Reminders stop when the invoice is paid, voided or fully credited. A reminder with a late fee (`reminders.lateFees`) charges it in the same transaction as a separate invoice for the fee, sent to the contact, at most once per invoice and reminder (`lateFees` counts them). With reminders off it sends nothing (`{ sent: 0, lateFees: 0 }`).",
      example: { asOf: '2026-12-10' },
    },
    'POST /v1/orgs/{orgId}/invoices/{docId}/remind': {
      description:
        "Sends the reminder the day calls for (`reminder-before`, `reminder-due` or `reminder-overdue`) to the contact's persons with portal access, now, through the mail lane and its daily limits (mail over a limit waits, never dropped). The document's activity records it. An invoice that owes nothing is `409`; a contact nobody of which can receive mail is `422 NO_RECIPIENTS`.",
    },
    'POST /v1/orgs/{orgId}/{kind}/{docId}/resend': {
      description:
        "Sends the document's email (`document-sent`) again to the contact's persons who have portal access now; the document does not change and its activity records it. A draft is `409` (send it instead); `422 NO_RECIPIENTS` when nobody can receive it.",
    },
    'GET /v1/orgs/{orgId}/contacts/{contactId}/documents/archive': {
      description: ARCHIVE_DESCRIPTION,
    },
    'GET /v1/orgs/{orgId}/contacts/{contactId}/portal-activity': {
      description:
        "Every person of the contact with their portal access and last successful sign-in (sign-ins are kept 90 days; each person's full history is `GET …/persons/{personId}/sign-ins`), and a page of the contact's sent documents, newest issue date first (`limit`, `cursor`), each with when it was sent, who first opened it in the portal and when (a document's first view is what is recorded), and every reminder it got (the offset the daily run sent, or by hand).",
    },
  },
} satisfies AreaDocs<typeof routes>;
