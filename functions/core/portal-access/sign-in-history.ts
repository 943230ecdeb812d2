import type { PortalContext, StaffContext } from '../access/context.ts';
import { clock } from '../clock.ts';
import { requireContact, requirePerson } from '../contacts/lookup.ts';
import { DomainError } from '../errors.ts';
import { newId } from '../ids.ts';
import { log } from '../log.ts';
import type { ListInput } from '../shapes.ts';
import { listSignIns, putSignIn, type SignInRecord } from './sign-in-repository.ts';

/** Where a request came from. */
export interface Client {
  sourceIp: string;
  userAgent: string;
}

/** Whose attempt it is; unknown emails have nobody to show it to, so they are not recorded. */
export interface Attempter {
  orgId: string;
  personId: string;
}

async function record(who: Attempter, client: Client, result: SignInRecord['result'], step: SignInRecord['step']) {
  try {
    await putSignIn(who.orgId, who.personId, {
      id: newId('sgn'),
      at: clock.iso(),
      result,
      step,
      sourceIp: client.sourceIp,
      userAgent: client.userAgent.slice(0, 512),
    });
  } catch (error) {
    // History must not stop a sign-in that Cognito already decided.
    log.error('sign-in not recorded', {}, error);
  }
}

/**
 * Runs one step of a sign-in and records its outcome: success when it issued
 * tokens, failure when it refused the credential (wrong password, wrong code).
 * A step that only leads to another challenge is recorded by that challenge's answer.
 */
export async function recordedAttempt<T>(who: Attempter | undefined, client: Client, step: SignInRecord['step'], attempt: () => Promise<T>): Promise<T> {
  try {
    const result = await attempt();
    if (who && typeof result === 'object' && result !== null && 'idToken' in result) await record(who, client, 'success', step);
    return result;
  } catch (error) {
    if (who && error instanceof DomainError && error.status === 401) await record(who, client, 'failure', step);
    throw error;
  }
}

/** The signed-in person's own sign-ins, newest first. */
export const mySignIns = (caller: PortalContext, query: ListInput) => listSignIns(caller.orgId, caller.personId, query.limit, query.cursor);

/** One person's sign-ins, for staff. */
export async function personSignIns(caller: StaffContext, contactId: string, personId: string, query: ListInput) {
  requirePerson(await requireContact(caller.orgId, contactId), personId);
  return listSignIns(caller.orgId, personId, query.limit, query.cursor);
}
