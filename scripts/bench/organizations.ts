import { randomUUID } from 'node:crypto';
import { ORGANIZATIONS_PER_DAY } from '../../functions/core/orgs/creation-allowance.ts';
import type { Client } from '../local/api-client.ts';
import { type Figures, measure } from './measure.ts';

/**
 * Organization and portal-name paths, and the contested portal-name claim. A
 * person creates at most ORGANIZATIONS_PER_DAY organizations a day, so the
 * creations are spread over staff users made beforehand (`newStaff`), each within it.
 */
export async function benchOrganizations(staff: Client, newStaff: () => Promise<Client>, rows: Figures[], scale = 1): Promise<string> {
  const n = (count: number) => Math.max(2, Math.round(count * scale));
  const creators = await Promise.all(Array.from({ length: Math.ceil(n(100) / ORGANIZATIONS_PER_DAY) }, newStaff));
  const racers = await Promise.all(Array.from({ length: Math.ceil(n(100) / ORGANIZATIONS_PER_DAY) }, newStaff));
  const org = await staff('POST', '/v1/orgs', { name: 'Bench Ltd', portalName: `bench-${randomUUID().slice(0, 8)}` });
  rows.push(await measure('GET /v1/portal/{name} (public, 2 reads)', n(300), 1, () => staff('GET', `/v1/portal/${org.portalName}`)));
  rows.push(await measure('GET /v1/orgs/{orgId} (membership + read)', n(300), 1, () => staff('GET', `/v1/orgs/${org.id}`)));
  rows.push(await measure('GET /v1/orgs/{orgId}, 8 concurrent', n(400), 8, () => staff('GET', `/v1/orgs/${org.id}`)));
  rows.push(
    await measure('POST /v1/orgs with portal name (3-item transaction)', n(100), 1, (index) =>
      creators[Math.floor(index / ORGANIZATIONS_PER_DAY)]!('POST', '/v1/orgs', { name: `Bench ${index}`, portalName: `b-${randomUUID().slice(0, 12)}` }),
    ),
  );
  const contested = `race-${randomUUID().slice(0, 8)}`;
  let winners = 0;
  rows.push(
    await measure(`${n(100)} concurrent claims of one portal name`, n(100), n(100), async (index) => {
      try {
        await racers[Math.floor(index / ORGANIZATIONS_PER_DAY)]!('POST', '/v1/orgs', { name: `Racer ${index}`, portalName: contested }, {}, 201);
        winners++;
      } catch {
        // the losers answer 409
      }
    }),
  );
  return `concurrent portal-name claims: ${winners} winner(s) of ${n(100)}`;
}
