import * as z from 'zod/mini';
import { staffRoles } from '../access/roles.ts';
import { page, Timestamp } from '../shapes.ts';

const sha256 = /* @__PURE__ */ z.lazy(() => z.string().check(z.regex(/^[0-9a-f]{64}$/), z.describe('SHA-256, 64 lower-case hex digits.')));

const AuditActor = /* @__PURE__ */ z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('staff'), id: z.string(), role: z.enum(staffRoles) }),
    z.object({ type: z.literal('portal'), id: z.string(), contactId: z.string() }),
    z.object({ type: z.literal('system'), id: z.enum(['stripe', 'scheduler', 'outbox']) }),
  ]),
);

export const AuditEntry = /* @__PURE__ */ z.lazy(() =>
  z.object({
    seq: z.int().register(z.globalRegistry, { description: '1 for the first entry, then one more per entry, without gaps.' }),
    at: Timestamp,
    actor: AuditActor,
    action: z.string().register(z.globalRegistry, { description: '`<entity>.<what happened>`, e.g. `invoice.sent`, `member.role_changed`.' }),
    subject: z.object({ type: z.string(), id: z.string() }),
    prevHash: sha256,
    hash: sha256,
  }),
);

export const AuditPage = /* @__PURE__ */ z.lazy(() => page(AuditEntry));

export const AuditVerification = /* @__PURE__ */ z.lazy(() =>
  z.object({
    ok: z.boolean().register(z.globalRegistry, { description: 'True only when every entry up to the head was checked and none is broken.' }),
    checked: z.int().register(z.globalRegistry, { description: 'Entries whose hash and link were recomputed by this call.' }),
    head: z.object({ seq: z.int(), hash: sha256 }),
    firstBroken: z.optional(
      z.object({
        seq: z.int(),
        reason: z.enum(['hash_mismatch', 'link_mismatch', 'missing', 'head_mismatch']),
      }),
    ),
    resumeFrom: z.optional(
      z.int().register(z.globalRegistry, { description: 'Present when the time budget ran out before the head: call again with `?from=` this value.' }),
    ),
  }),
);
