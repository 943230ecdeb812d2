import type { LocalPool } from './cognito-pools.ts';

/** What `npm start` writes to `.portico/local.json` once everything answers; tools and tests read it. */
export interface LocalState {
  apiUrl: string;
  /** The SES emulator: the mailbox (`/store`). */
  sesUrl: string;
  /** Where handlers send mail: the fault switch in front of the emulator (`POST /faults` makes sends to an address fail). */
  sesFaultsUrl: string;
  cognito: { endpoint: string; staff: LocalPool; portal: LocalPool };
  dynamodb: { endpoint: string; tableName: string };
  /** The consumer lane: records it gave up on, one JSON line each (scripts/local/dead-letters.ts). */
  consumers: { deadLetters: string };
  /** The local Stripe double (point the SDK's host/port here) and the webhook endpoint's signing secret for this run. */
  stripe: { apiUrl: string; webhookSecret: string };
  /** The local S3 double (scripts/local/s3/) and the logo bucket it holds. */
  s3: { endpoint: string; logoBucket: string };
  /** With `--meter`: `GET` the usage counted so far (usage-meter.ts), `DELETE` to count again. */
  usageUrl?: string;
  demo: { staff: { email: string; password: string }; orgId: string; portalName: string; portalPerson: { email: string; password: string } };
}
