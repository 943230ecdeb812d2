import { clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { resolvePortal } from '../portal-names/service.ts';
import * as cognito from './cognito.ts';
import { requireCurrentAccess } from './current-access.ts';
import { getLogin } from './login-repository.ts';
import { sendPasswordChanged } from './notify.ts';
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
  const current = login && login.portalGeneration === organization.portalGeneration;
  await cognito.requestPasswordReset(current ? login.username : newId('pp'));
}

/** Sets the password chosen with the emailed code, then tells the person it changed. */
export async function confirmPasswordReset(portalName: string, input: ConfirmPasswordResetInput, sourceIp: string): Promise<void> {
  const organization = await resolvePortal(portalName);
  const login = await guarded(organization.id, 'reset', input.email, sourceIp, async () => {
    const found = await getLogin(organization.id, input.email);
    // An unknown email asks Cognito about a user that does not exist: refused like a wrong code.
    await cognito.confirmPasswordReset(found?.username ?? newId('pp'), input.code, input.newPassword);
    if (!found) throw cognito.invalidResetCode();
    return found;
  });
  const { contact, person } = await requireCurrentAccess(organization, login.contactId, login.personId);
  await sendPasswordChanged(organization, contact, person, clock.now());
}
