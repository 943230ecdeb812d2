import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChainHead,
  canonicalJson,
  checkEnd,
  checkNext,
  EMPTY_HEAD,
  entryHash,
  extend,
  GENESIS_HASH,
  startCheck,
} from '../../functions/core/audit/chain.ts';
import type { AuditEntry, AuditRecord } from '../../functions/core/audit/entry.ts';

const record = (n: number): AuditRecord => ({
  orgId: 'org_1',
  at: `2026-12-07T00:00:${String(n % 60).padStart(2, '0')}.000Z`,
  actor: { type: 'staff', id: 'stf_1', role: 'owner' },
  action: 'invoice.sent',
  subject: { type: 'invoice', id: `doc_${n}` },
});

const chainOf = (count: number) =>
  extend(
    EMPTY_HEAD,
    Array.from({ length: count }, (_, index) => record(index + 1)),
  );
const verify = (entries: AuditEntry[], head: ChainHead = entries.at(-1)!) => checkEnd(entries.reduce(checkNext, startCheck(EMPTY_HEAD)), head);

describe('the audit chain', () => {
  it('serializes canonically: keys sorted at every depth, no whitespace, undefined left out', () => {
    expect(canonicalJson({ b: 1, a: { d: 'x', c: [2, { f: true, e: null }] }, z: undefined })).toBe('{"a":{"c":[2,{"e":null,"f":true}],"d":"x"},"b":1}');
  });

  it('hashes the six fields in that form, and nothing else', () => {
    const entry = {
      seq: 1,
      at: '2026-12-07T00:00:01.000Z',
      actor: { type: 'system', id: 'stripe' },
      action: 'invoice.paid',
      subject: { type: 'invoice', id: 'doc_1' },
      prevHash: GENESIS_HASH,
    } as const;
    const expected =
      '{"action":"invoice.paid","actor":{"id":"stripe","type":"system"},"at":"2026-12-07T00:00:01.000Z","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","seq":1,"subject":{"id":"doc_1","type":"invoice"}}';
    expect(entryHash(entry)).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(entryHash({ ...entry, hash: 'ignored' } as AuditEntry)).toBe(entryHash(entry));
  });

  it('starts at seq 1 on 64 zeros and links each entry to the one before', () => {
    const [first, second] = chainOf(2);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, hash: entryHash(first!) });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash });
    expect(extend({ seq: 2, hash: second!.hash }, [record(3)])[0]).toMatchObject({ seq: 3, prevHash: second!.hash });
  });

  it('verifies an intact chain', () => {
    expect(verify(chainOf(5))).toEqual({ previous: { seq: 5, hash: chainOf(5)[4]!.hash }, checked: 5 });
  });

  it('names the edited entry, the entry after one rehashed by hand, a missing entry and a cut-off end', () => {
    const entries = chainOf(5);
    const edited = entries.map((entry) => (entry.seq === 3 ? { ...entry, action: 'invoice.voided' } : entry));
    expect(verify(edited).firstBroken).toEqual({ seq: 3, reason: 'hash_mismatch' });
    const rehashed = edited.map((entry) => (entry.seq === 3 ? { ...entry, hash: entryHash(entry) } : entry));
    expect(verify(rehashed, entries[4]!).firstBroken).toEqual({ seq: 4, reason: 'link_mismatch' });
    expect(verify(entries.filter((entry) => entry.seq !== 2)).firstBroken).toEqual({ seq: 2, reason: 'missing' });
    expect(verify(entries.slice(0, 3), entries[4]!).firstBroken).toEqual({ seq: 4, reason: 'missing' });
    expect(verify(entries, { seq: 5, hash: GENESIS_HASH }).firstBroken).toEqual({ seq: 5, reason: 'head_mismatch' });
  });

  it('detects any change to any field of any entry, at that entry', () => {
    const entries = chainOf(8);
    const fields = ['at', 'action', 'actor', 'subject', 'prevHash', 'hash'] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.constantFrom(...fields), fc.string({ minLength: 1 }), (seq, field, junk) => {
        const tampered = entries.map((entry) =>
          entry.seq === seq
            ? { ...entry, [field]: field === 'actor' || field === 'subject' ? { ...entry[field], id: junk } : `${entry[field]}${junk}` }
            : entry,
        );
        expect(verify(tampered as AuditEntry[], entries[7]!).firstBroken?.seq).toBe(seq);
      }),
    );
  });
});
