import { randomUUID } from 'node:crypto';
import { ensureStaffUser } from '../../scripts/local/seed.ts';
import { as } from './api.ts';
import { local } from './local.ts';

export const STAFF_PASSWORD = 'Staff-Password-1!';

/** A brand-new staff user in the staff pool, signed in: its ID token. */
export async function newStaffToken(): Promise<string> {
  const state = local();
  return ensureStaffUser(state.cognito.endpoint, state.cognito.staff, `staff-${randomUUID()}@example.test`, STAFF_PASSWORD);
}

/** A fresh, unique portal name for one test. */
export const uniquePortalName = (prefix = 'shop') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A staff user with a new organization of its own. */
export async function newOrganization(overrides: Record<string, unknown> = {}) {
  const token = await newStaffToken();
  const response = await as(token).post('/v1/orgs', { name: 'Acme Supplies', portalName: uniquePortalName(), currency: 'EUR', ...overrides });
  if (response.status !== 201) throw new Error(`creating an organization failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { token, org: response.body, api: as(token) };
}
