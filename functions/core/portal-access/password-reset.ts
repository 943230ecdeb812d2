import { clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { resolvePortal } from '../portal-names/resolve.ts';
import * as cognito from './cognito.ts';
import { requireCurrentAccess } from './current-access.ts';
import { getLogin } from './login-repository.ts';
import { sendPasswordChanged } from './notify.ts';
import { getPasswordReset, putPasswordReset } from './password-reset-repository.ts';
import type { ConfirmPasswordResetInput } from './schema.ts';
import { guarded, throttleResetRequest } from './throttle.ts';

/**
 * Cognito emails a reset code to a person with access at this portal. The
 * answer is the same 202 for any email (and any refusal), and an unknown email
 * costs the same Cognito call (for a user that does not exist), so neither
 * answer nor timing tells who has access; Cognito limits how often codes are sent.
 */
export async function requestPasswordReset(portalName: string, email: string, sourceIp: string): Promise<void> {
  const organization = await resolvePortal(portalName);
  await throttleResetRequest(organization.id, email, sourceIp);
  const login = await getLogin(organization.id, email);
  const current = login && login.portalGeneration === organization.portalGeneration ? login : undefined;
  // Recorded for every email alike: the grant the code is asked under, so a code of an earlier grant is refused.
  await putPasswordReset(organization.id, email, { personId: current?.personId, grantId: current?.grantId, requestedAt: clock.epochSeconds() });
  await cognito.requestPasswordReset(current ? current.username : newId('pp'));
}

/**
 * Sets the password chosen with the emailed code, then tells the person it
 * changed. The code must have been asked for under the person's current grant:
 * one of an earlier grant (re-invited since) is refused as a wrong code, however
 * close in time, and so is one asked for before grants were recorded.
 */
export async function confirmPasswordReset(portalName: string, input: ConfirmPasswordResetInput, sourceIp: string): Promise<void> {
  const organization = await resolvePortal(portalName);
  const login = await guarded(organization.id, 'reset', input.email, sourceIp, async () => {
    const [found, asked] = await Promise.all([getLogin(organization.id, input.email), getPasswordReset(organization.id, input.email)]);
    const underGrant = found !== undefined && asked?.personId === found.personId && asked.grantId === found.grantId;
    // An unknown email, or a code of another grant, asks Cognito about a user that does not exist: refused like a wrong code.
    await cognito.confirmPasswordReset(underGrant ? found.username : newId('pp'), input.code, input.newPassword);
    if (!underGrant) throw cognito.invalidResetCode();
    return found;
  });
  const { contact, person } = await requireCurrentAccess(organization, login.contactId, login.personId);
  await sendPasswordChanged(organization, contact, person, clock.now());
}
