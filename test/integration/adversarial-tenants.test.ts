import { describe, expect, it } from 'vitest';
import { routeList } from '../../functions/routes.ts';
import { fingerprint } from '../support/adversary/fingerprint.ts';
import { probesFor } from '../support/adversary/probes.ts';
import { runProbes } from '../support/adversary/run.ts';
import { newTenant, type Tenant } from '../support/adversary/world.ts';

/** The victim's items, and those of the attacker's other customer (a portal person's neighbour). */
const victimItems = (victim: Tenant, attacker: Tenant) => {
  const sibling = attacker.customers[1];
  const siblingDocs = sibling.docs.map((doc) => doc.id);
  return fingerprint((item, text) => {
    const pk = String(item.PK);
    if (pk.startsWith(`ORG#${victim.orgId}`) || pk === `PORTAL_NAME#${victim.portalName}`) return true;
    return pk.startsWith(`ORG#${attacker.orgId}`) && (text.includes(sibling.id) || siblingDocs.some((docId) => pk.includes(docId)));
  });
};

/** Waits until the consumer lane and every earlier write have settled: two equal fingerprints in a row. */
async function settled(read: () => Promise<string[]>): Promise<string[]> {
  let before = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await read();
    if (JSON.stringify(after) === JSON.stringify(before)) return after;
    before = after;
  }
}

describe('the tenant matrix, generated from the route table', () => {
  it('lets no caller reach another tenant or another customer through any id slot of any route', { timeout: 600_000 }, async () => {
    const [a, b] = await Promise.all([newTenant('Alpha'), newTenant('Bravo')]);
    let requests = 0;
    const findings: unknown[] = [];
    const accepted: string[] = [];
    const statuses: Record<string, number> = {};
    for (const [attacker, victim] of [
      [a, b],
      [b, a],
    ] as const) {
      const before = await settled(() => victimItems(victim, attacker));
      const probes = probesFor(attacker, victim);
      const result = await runProbes(probes);
      requests += probes.length;
      findings.push(...result.findings);
      accepted.push(...result.writesAccepted);
      for (const [status, count] of Object.entries(result.byStatus)) statuses[status] = (statuses[status] ?? 0) + count;
      const after = await settled(() => victimItems(victim, attacker));
      expect(after, `${attacker === a ? 'Alpha' : 'Bravo'} changed the other side's items`).toEqual(before);
      expect(before.length).toBeGreaterThan(50);
    }
    console.log(
      `tenant matrix: ${routeList().length} routes, ${requests} requests, answers ${JSON.stringify(statuses)}, ` +
        `${findings.length} findings (leaks, 5xx, stack traces, wrong-pool tokens not 401), writes landed on the other side 0`,
    );
    console.log(`tenant matrix: writes accepted on the caller's own side: ${accepted.join('; ')}`);
    expect(findings).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(10_000);
  });
});
