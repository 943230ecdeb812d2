import { createHash } from 'node:crypto';
import { clock } from '../clock.ts';
import type { TransactionStep } from '../db/transact.ts';
import { BadRequest, Conflict, Unprocessable } from '../errors.ts';
import { IN_PROGRESS_LEASE_MS } from '../time-budget.ts';
import { claimIdempotencyKey, completeIdempotencyStep, getIdempotencyRecord, type IdempotencyRecord, releaseIdempotencyKey } from './repository.ts';

/** How long a key is remembered: long enough for any client's retries. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface Idempotent<T> {
  /** The first request's response: a replay returns it unchanged. */
  response: T;
  replayed: boolean;
}

/**
 * Runs a create at most once per `Idempotency-Key`. The key is claimed before
 * the create runs (a concurrent duplicate gets 409 instead of a second
 * document) and the response is stored by the create's own transaction (the
 * step `run` receives); a failed create releases the key, and a create that
 * died without saying so (a timeout) holds it only for its in-progress lease.
 * The same key with a different request is refused. Without a key, `run`
 * simply runs.
 */
export async function idempotent<T>(
  target: { orgId: string; scope: string; key: string | undefined; request: unknown },
  run: (complete: (response: T) => TransactionStep[]) => Promise<T>,
): Promise<Idempotent<T>> {
  const { orgId, scope, key } = target;
  if (key === undefined) return { response: await run(() => []), replayed: false };
  if (!KEY_PATTERN.test(key)) throw new BadRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–255 printable ASCII characters.');
  const requestHash = createHash('sha256').update(JSON.stringify(target.request)).digest('hex');

  const earlier = await getIdempotencyRecord(orgId, scope, key);
  const now = clock.now().getTime();
  const abandoned = earlier?.state === 'pending' && (earlier.inProgressExpiry ?? Number.POSITIVE_INFINITY) < now;
  if (earlier && (!abandoned || earlier.requestHash !== requestHash)) return replay<T>(earlier, requestHash);
  const claim = { requestHash, expiresAt: clock.epochSeconds() + IDEMPOTENCY_TTL_SECONDS, inProgressExpiry: now + IN_PROGRESS_LEASE_MS, now };
  if (!(await claimIdempotencyKey(orgId, scope, key, claim))) {
    const holder = await getIdempotencyRecord(orgId, scope, key);
    return replay<T>(holder ?? { state: 'pending', requestHash, expiresAt: 0 }, requestHash);
  }
  try {
    return { response: await run((response) => [completeIdempotencyStep(orgId, scope, key, response)]), replayed: false };
  } catch (error) {
    await releaseIdempotencyKey(orgId, scope, key);
    throw error;
  }
}

function replay<T>(record: IdempotencyRecord, requestHash: string): Idempotent<T> {
  if (record.requestHash !== requestHash) {
    throw new Unprocessable('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request.');
  }
  if (record.state === 'pending') throw new Conflict('IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still in progress; retry shortly.');
  return { response: record.response as T, replayed: true };
}
