import { tableName } from '../db/client.ts';
import { type Key, keys } from '../db/keys.ts';
import type { TransactionStep } from '../db/transact.ts';
import type { DomainError } from '../errors.ts';

/**
 * Second-factor answers that work once. Cognito on AWS refuses a TOTP code used
 * before; cognito-local does not, and neither keeps the challenge sessions it
 * answered. So Portico records each accepted answer with a conditional put, in
 * the transaction of what the answer achieves: of two uses (one after the
 * other, or at once) only one commits. The items lapse by TTL; until DynamoDB
 * deletes them, an expired one counts as absent.
 */

/** TOTP time steps are 30 seconds. */
export const TOTP_STEP_SECONDS = 30;
/**
 * A used code is kept well past the time it can be accepted: its own step and
 * the neighbouring ones Cognito tolerates for clock drift (about 90 seconds).
 * Portico never holds the secret, so it cannot tell which step a code belongs
 * to; the code itself stands for it, and a different code is a different step.
 */
export const USED_CODE_SECONDS = 300;
/** A Cognito challenge session lives 3 minutes by default and at most 15. */
export const ANSWERED_SESSION_SECONDS = 900;

/** Puts a once-only item unless a live one is there; `refused` is the answer when it is. */
function onceStep(key: Key, type: string, fields: Record<string, unknown>, expiresAt: number, now: number, refused: () => DomainError): TransactionStep {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...key, type, ...fields, expiresAt },
        ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': now },
      },
    },
    onConditionFailed: refused,
  };
}

const usedCodeStep = (key: Key, now: number, refused: () => DomainError): TransactionStep =>
  onceStep(key, 'usedTotp', { timeStep: Math.floor(now / TOTP_STEP_SECONDS) }, now + USED_CODE_SECONDS, now, refused);

/** Records the TOTP code a portal person's answer was accepted with. */
export const portalCodeStep = (orgId: string, personId: string, code: string, now: number, refused: () => DomainError): TransactionStep =>
  usedCodeStep(keys.portalUsedTotp(orgId, personId, code), now, refused);

/** Records the TOTP code a staff user's answer was accepted with. */
export const staffCodeStep = (staffId: string, code: string, now: number, refused: () => DomainError): TransactionStep =>
  usedCodeStep(keys.staffUsedTotp(staffId, code), now, refused);

/** Records a portal sign-in's challenge session whose answer was accepted, by the SHA-256 of the session string. */
export const answeredSessionStep = (orgId: string, sessionHash: string, now: number, refused: () => DomainError): TransactionStep =>
  onceStep(keys.portalAnsweredChallenge(orgId, sessionHash), 'answeredChallenge', {}, now + ANSWERED_SESSION_SECONDS, now, refused);
