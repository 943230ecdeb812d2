import type { StaffContext } from '../access/context.ts';
import { permissionSet } from '../access/permissions.ts';
import { auditStep, commit, type Step } from '../audit/commit.ts';
import { clock } from '../clock.ts';
import { Unprocessable } from '../errors.ts';
import { updateOrganizationStep } from '../orgs/repository.ts';
import type { Organization, SetPortalInput } from '../orgs/schema.ts';
import { portalPolicies, portalUrl } from '../orgs/view.ts';
import { countPortalLogins } from '../portal-access/login-repository.ts';
import { claimStep, getPortalNameClaim, holdStep, isClaimable, publicPortalOf, publicPortalStep } from './repository.ts';
import { PORTAL_NAME_RULES, portalNameProblem, RENAMED_PORTAL_HOLD_DAYS } from './rules.ts';

const DAY_SECONDS = 86_400;

/** Normalizes a requested name and refuses one that can never be a portal name (422). */
export function requirePortalName(requested: string): string {
  const name = requested.trim().toLowerCase();
  const problem = portalNameProblem(name);
  if (problem === 'reserved') throw new Unprocessable('INVALID_PORTAL_NAME', `"${name}" is reserved. ${PORTAL_NAME_RULES}`);
  if (problem) throw new Unprocessable('INVALID_PORTAL_NAME', `"${requested}" is not a valid portal name. ${PORTAL_NAME_RULES}`);
  return name;
}

/** Could this name be claimed right now? The claim itself decides; this answers the settings form. */
export async function checkPortalName(requested: string) {
  const name = requested.trim().toLowerCase();
  const problem = portalNameProblem(name);
  if (problem) return { name, available: false, reason: problem };
  const claim = await getPortalNameClaim(name);
  return isClaimable(claim, undefined, clock.epochSeconds()) ? { name, available: true } : { name, available: false, reason: 'taken' };
}

/**
 * Renames and/or enables the portal. A rename is one transaction: claim the new
 * name, hold the old one for this organization, bump the portal generation on
 * the organization's version. Everyone with access must then be re-invited.
 */
export async function setPortal(caller: StaffContext, input: SetPortalInput) {
  const current = caller.organization;
  const newName = input.name === undefined ? undefined : requirePortalName(input.name);
  const renaming = newName !== undefined && newName !== current.portalName;
  const portalName = renaming ? newName : current.portalName;
  const enabled = input.enabled ?? (renaming && current.portalName === null ? true : current.portalEnabled);
  if (enabled && portalName === null) {
    throw new Unprocessable('PORTAL_NAME_REQUIRED', 'Choose a portal name before enabling the portal.');
  }

  const now = clock.epochSeconds();
  const changes: Partial<Organization> = {
    portalEnabled: enabled,
    ...(input.defaultPermissions ? { portalDefaultPermissions: permissionSet(input.defaultPermissions) } : {}),
    ...(input.mfa ? { portalMfa: input.mfa } : {}),
    updatedAt: clock.iso(),
  };
  const steps: Step[] = [];
  const publicPortal = publicPortalOf({ ...current, ...changes });
  if (renaming) {
    changes.portalName = newName;
    changes.portalGeneration = current.portalGeneration + 1;
    steps.push(claimStep(newName, caller.orgId, now, publicPortal));
    if (current.portalName) steps.push(holdStep(current.portalName, caller.orgId, now + RENAMED_PORTAL_HOLD_DAYS * DAY_SECONDS));
  } else if (current.portalName) {
    steps.push(publicPortalStep(current.portalName, caller.orgId, publicPortal));
  }
  steps.push(updateOrganizationStep(caller.orgId, changes, current.version));
  steps.push(auditStep(caller.orgId, caller, renaming ? 'portal.renamed' : 'portal.settings_changed', { type: 'organization', id: caller.orgId }));
  await commit(steps);

  return {
    portalName,
    portalUrl: portalUrl(portalName),
    portalEnabled: enabled,
    portalGeneration: changes.portalGeneration ?? current.portalGeneration,
    ...portalPolicies({ ...current, ...changes }),
    reinviteRequired: renaming ? await countPortalLogins(caller.orgId) : 0,
  };
}
