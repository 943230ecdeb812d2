import * as z from 'zod/mini';
import { pageCursor } from '../shapes.ts';

/** Which archive of a contact's documents: the first (newest documents), or the one a previous archive's `nextCursor` leads to. */
export const ArchiveQuery = /* @__PURE__ */ z.lazy(() => z.object({ cursor: pageCursor }));
