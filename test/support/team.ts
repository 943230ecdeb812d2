import { randomUUID } from 'node:crypto';
import { ensureStaffUser } from '../../scripts/local/seed.ts';
import { as } from './api.ts';
import { local } from './local.ts';
import { onlyMailTo, type SentMail } from './mailbox.ts';
import { STAFF_PASSWORD } from './staff.ts';

type Api = ReturnType<typeof as>;

/** A staff user with a known email, signed in. */
export async function newStaffUser(email = `staff-${randomUUID()}@example.test`) {
  const state = local();
  const token = await ensureStaffUser(state.cognito.endpoint, state.cognito.staff, email, STAFF_PASSWORD);
  return { email, token, api: as(token) };
}

/** The token in a staff invitation email's link. */
export function staffInvitationToken(mail: SentMail): string {
  const token = /\/staff\/invitation\?token=([A-Za-z0-9_.%-]+)/.exec(mail.body.text ?? '')?.[1];
  if (!token) throw new Error(`no staff invitation link in: ${mail.body.text}`);
  return decodeURIComponent(token);
}

/** A new staff user invited by an owner and joined with `role`. */
export async function newMember(owner: Api, orgId: string, role: 'owner' | 'admin' | 'billing' | 'viewer') {
  const user = await newStaffUser();
  const invited = await owner.post(`/v1/orgs/${orgId}/members`, { email: user.email, role });
  if (invited.status !== 201) throw new Error(`inviting failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const joined = await user.api.post('/v1/staff-invitations/accept', { token: staffInvitationToken(await onlyMailTo(user.email)) });
  if (joined.status !== 200) throw new Error(`joining failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  return { ...user, staffId: joined.body.staffId as string };
}
