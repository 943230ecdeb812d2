import * as z from 'zod/mini';
import { actorRef, systemActor } from '../core/access/actor.ts';
import { releaseWaitingMail } from '../core/email/release.ts';
import { log, withLogContext } from '../core/log.ts';

/** The schedule sends `{}`; an operator may invoke it with `{ "orgId": "…" }` to send one organization's waiting mail now (after raising its limit). */
const ReleaseInput = z.object({ orgId: z.optional(z.string().check(z.regex(/^[\w-]{1,64}$/))) });

export const handler = (event: unknown) =>
  withLogContext(async () => {
    const { orgId } = ReleaseInput.parse(event ?? {});
    log.bind({ actor: actorRef(systemActor('scheduler')).id });
    const result = await releaseWaitingMail(orgId);
    log.info('waiting mail released', result);
    return result;
  });
