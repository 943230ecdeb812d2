import * as z from 'zod/mini';
import { actorRef, systemActor } from '../core/access/actor.ts';
import { clock } from '../core/clock.ts';
import { log, withLogContext } from '../core/log.ts';
import { runAllReminders } from '../core/reminders/service.ts';

/** The schedule sends `{}`; an operator (or a test) may pass `{ "asOf": "…" }` to run as of another instant. */
const RunInput = z.object({ asOf: z.optional(z.iso.datetime()) });

/** Stops taking invoices this long before the function's timeout; the next hourly run sends the rest. */
const MARGIN_MS = 15_000;

export const handler = (event: unknown, context?: { getRemainingTimeInMillis?: () => number }) =>
  withLogContext(async () => {
    const { asOf } = RunInput.parse(event ?? {});
    log.bind({ actor: actorRef(systemActor('scheduler')).id });
    const remaining = context?.getRemainingTimeInMillis?.() ?? 300_000;
    const result = await runAllReminders(asOf ? new Date(asOf) : clock.now(), Date.now() + remaining - MARGIN_MS);
    log.info('reminders run finished', result);
    return result;
  });
