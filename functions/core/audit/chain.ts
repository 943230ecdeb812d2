import { createHash } from 'node:crypto';
import type { AuditEntry, AuditRecord } from './entry.ts';

/** The `prevHash` of an organization's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where an organization's trail stands: its last entry's `seq` and `hash` (0 and the genesis hash before the first). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

/**
 * The canonical form an entry is hashed in: JSON without whitespace, object
 * keys sorted by code point at every depth, strings escaped as JSON.stringify
 * does, numbers as integers. Entries hold only ASCII ids, fixed words and
 * integers, so `jq -cS` prints the same bytes.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (lower-case hex) of the canonical JSON of `{ seq, at, actor, action, subject, prevHash }`. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, subject, prevHash } = entry;
  return createHash('sha256').update(canonicalJson({ seq, at, actor, action, subject, prevHash }), 'utf8').digest('hex');
}

/** The entries that follow `head`, one per record, each hashed onto the one before. */
export function extend(head: ChainHead, records: readonly AuditRecord[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let previous = head;
  for (const { at, actor, action, subject } of records) {
    const unhashed = { seq: previous.seq + 1, at, actor, action, subject, prevHash: previous.hash };
    const entry = { ...unhashed, hash: entryHash(unhashed) };
    entries.push(entry);
    previous = entry;
  }
  return entries;
}

/** Why an entry breaks the chain: its content is not what its hash says, it does not follow the previous hash, it is missing, or the head names another end. */
export type BrokenReason = 'hash_mismatch' | 'link_mismatch' | 'missing' | 'head_mismatch';

export interface ChainCheck {
  /** The hash the next entry must follow, and its expected `seq`. */
  previous: ChainHead;
  checked: number;
  firstBroken?: { seq: number; reason: BrokenReason };
}

export const startCheck = (previous: ChainHead): ChainCheck => ({ previous, checked: 0 });

/**
 * Checks the next stored entry against the chain so far. Once something is
 * broken the check stops there: everything after a broken link is unproven.
 */
export function checkNext(check: ChainCheck, entry: AuditEntry): ChainCheck {
  if (check.firstBroken) return check;
  const expectedSeq = check.previous.seq + 1;
  if (entry.seq !== expectedSeq) return { ...check, firstBroken: { seq: expectedSeq, reason: 'missing' } };
  if (entryHash(entry) !== entry.hash) return { ...check, firstBroken: { seq: entry.seq, reason: 'hash_mismatch' } };
  if (entry.prevHash !== check.previous.hash) return { ...check, firstBroken: { seq: entry.seq, reason: 'link_mismatch' } };
  return { previous: { seq: entry.seq, hash: entry.hash }, checked: check.checked + 1 };
}

/** After the last entry up to the head: the head must name exactly where the chain ended. */
export function checkEnd(check: ChainCheck, head: ChainHead): ChainCheck {
  if (check.firstBroken) return check;
  if (check.previous.seq < head.seq) return { ...check, firstBroken: { seq: check.previous.seq + 1, reason: 'missing' } };
  if (check.previous.hash !== head.hash) return { ...check, firstBroken: { seq: head.seq, reason: 'head_mismatch' } };
  return check;
}
