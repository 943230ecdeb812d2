import * as QRCode from 'qrcode';
import type { PortalContext } from '../access/context.ts';
import type { Person } from '../contacts/schema.ts';
import type { Organization } from '../orgs/schema.ts';
import { otpauthUri } from '../totp.ts';
import * as cognito from './cognito.ts';
import { currentPerson, heldSignIn, type Login, mfaOff, ownAccessToken } from './mfa.ts';

// Only the routes that enrol an authenticator load the QR code library: apart from admission and the other MFA changes (mfa.ts).

/** What an authenticator app needs: the otpauth URI as a QR code, and the secret to type in by hand. */
async function enrolment(organization: Organization, person: Person, secretCode: string) {
  const uri = otpauthUri(organization.name, person.email, secretCode);
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1 });
  return { secretCode, otpauthUri: uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** MFA_SETUP without a code: the secret to enrol, and the same session to answer with. */
export async function beginSetupChallenge(organization: Organization, login: Login, session: string) {
  const { tokens } = await heldSignIn(organization, login, session);
  const { person } = await currentPerson(organization, login);
  return { ...(await enrolment(organization, person, await cognito.associateTotp(tokens.accessToken))), session };
}

/** A signed-in person starts enrolling an authenticator (optional or required MFA). */
export async function beginEnrolment(caller: PortalContext, accessToken: string) {
  if ((caller.organization.portalMfa ?? 'off') === 'off') throw mfaOff();
  return enrolment(caller.organization, caller.person, await cognito.associateTotp(ownAccessToken(caller, accessToken)));
}
