import * as z from 'zod/mini';
import { actorRef, systemActor } from '../core/access/actor.ts';
import { clock } from '../core/clock.ts';
import { log, withLogContext } from '../core/log.ts';
import { retryDueWebhooks } from '../core/outgoing-webhooks/sweep.ts';

/** The schedule sends `{}`; an operator (or a test) may pass `{ "asOf": "…" }` to run the retries due by then. */
const RetryInput = z.object({ asOf: z.optional(z.iso.datetime()) });

/** Stops taking deliveries this long before the function's timeout. */
const MARGIN_MS = 15_000;

export const handler = (event: unknown, context?: { getRemainingTimeInMillis?: () => number }) =>
  withLogContext(async () => {
    const { asOf } = RetryInput.parse(event ?? {});
    log.bind({ actor: actorRef(systemActor('scheduler')).id });
    const remaining = context?.getRemainingTimeInMillis?.() ?? 60_000;
    const result = await retryDueWebhooks(asOf ?? clock.iso(), Date.now() + remaining - MARGIN_MS);
    log.info('webhook retries finished', result);
    return result;
  });
