import type { StaffContext } from '../access/context.ts';
import type { ListInput } from '../shapes.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../time-budget.ts';
import { type ChainCheck, type ChainHead, checkEnd, checkNext, EMPTY_HEAD, entryHash, startCheck } from './chain.ts';
import type { AuditEntry } from './entry.ts';
import { entriesFrom, getHead, listEntries } from './repository.ts';

/** What one verify call may spend recomputing, leaving the rest of the function's timeout to answer. */
const VERIFY_BUDGET_MS = (FUNCTION_TIMEOUT_SECONDS - 4) * 1_000;

/** The organization's trail, newest first. */
export async function listAudit(staff: StaffContext, query: ListInput) {
  return listEntries(staff.orgId, query.limit, query.cursor);
}

/**
 * Recomputes the chain from `from` (default 1) up to the head as read at the
 * start, page by page, and names the first entry that is broken. A call stops
 * after its time budget and says where to resume; later entries (written while
 * it runs) are the next call's.
 */
export async function verifyAudit(staff: StaffContext, from = 1) {
  const deadline = Date.now() + VERIFY_BUDGET_MS;
  const head = await getHead(staff.orgId);
  const anchor = from > 1 && from <= head.seq ? await anchorBefore(staff.orgId, from) : { check: startCheck(EMPTY_HEAD) };
  let check = anchor.check;
  let outOfTime = false;
  if (!check.firstBroken && from <= head.seq) {
    for await (const entries of entriesFrom(staff.orgId, from, head.seq)) {
      check = entries.reduce(checkNext, check);
      if (check.firstBroken) break;
      outOfTime = Date.now() > deadline && check.previous.seq < head.seq;
      if (outOfTime) break;
    }
  }
  if (!outOfTime && from <= head.seq) check = checkEnd(check, head);
  return verification(check, head, outOfTime ? check.previous.seq + 1 : undefined);
}

/** The entry before `from`, recomputed: its hash is what `from` must follow. */
async function anchorBefore(orgId: string, from: number): Promise<{ check: ChainCheck }> {
  const seq = from - 1;
  let found: AuditEntry | undefined;
  for await (const [entry] of entriesFrom(orgId, seq, seq, 1)) found = entry;
  if (!found) return { check: { ...startCheck({ seq, hash: '' }), firstBroken: { seq, reason: 'missing' } } };
  if (entryHash(found) !== found.hash) return { check: { ...startCheck({ seq, hash: '' }), firstBroken: { seq, reason: 'hash_mismatch' } } };
  return { check: startCheck({ seq, hash: found.hash }) };
}

function verification(check: ChainCheck, head: ChainHead, resumeFrom: number | undefined) {
  const complete = resumeFrom === undefined;
  return {
    ok: complete && !check.firstBroken,
    checked: check.checked,
    head,
    ...(check.firstBroken ? { firstBroken: check.firstBroken } : {}),
    ...(complete ? {} : { resumeFrom }),
  };
}

/** One slice of the trail as JSON lines, oldest first: each line an entry's seven fields, as stored and hashed; `nextFrom` when more follow. */
export async function exportAudit(staff: StaffContext, from: number, limit: number) {
  const slice: AuditEntry[] = [];
  const head = await getHead(staff.orgId);
  if (from <= head.seq) for await (const entries of entriesFrom(staff.orgId, from, head.seq, limit)) slice.push(...entries);
  const lines = slice.map(({ seq, at, actor, action, subject, prevHash, hash }) => `${JSON.stringify({ seq, at, actor, action, subject, prevHash, hash })}\n`);
  const last = slice.at(-1)?.seq ?? head.seq;
  return { content: lines.join(''), nextFrom: last < head.seq ? last + 1 : undefined };
}
