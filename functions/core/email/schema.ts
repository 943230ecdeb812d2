import * as z from 'zod/mini';
import { Email } from '../contacts/schema.ts';

const id = /* @__PURE__ */ z.lazy(() => z.string().check(z.minLength(1), z.maxLength(64)));

export const UndeliverableParams = /* @__PURE__ */ z.lazy(() => z.object({ orgId: id, email: Email }));
