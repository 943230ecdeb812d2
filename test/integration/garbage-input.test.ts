import { describe, expect, it } from 'vitest';
import { routeList } from '../../functions/routes.ts';
import { request } from '../support/api.ts';
import { newContact } from '../support/contacts.ts';
import { signedIn } from '../support/portal.ts';
import { newOrganization } from '../support/staff.ts';

const PASSWORD = 'Garbage-Pass-1!';
const bodies: (string | undefined)[] = [
  undefined,
  '{"unexpected": true}',
  '{"broken": ',
  '[]',
  '"text"',
  JSON.stringify({ email: 'x', password: 1, lines: 'no', amount: -1 }),
];

describe('every route, given garbage', () => {
  it('answers a 4xx with the error JSON, never a 500', async () => {
    const { org, api, token: staffToken } = await newOrganization();
    const contact = await newContact(api, org.id);
    const person = contact.persons[0]!;
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [person.id], password: PASSWORD, passwordPermanent: true });
    const portalToken = (await signedIn(org.portalName, person.email, PASSWORD)).idToken;

    const failures: string[] = [];
    for (const route of routeList()) {
      const path = route.path
        .replace('{orgId}', org.id)
        .replace('{portalName}', org.portalName)
        .replace(/\{kind\}/, 'invoices')
        .replace(/\{\w+\}/g, 'garbage%00id');
      const token = route.auth === 'portal' ? portalToken : route.auth === 'none' ? undefined : staffToken;
      for (const rawBody of route.method === 'GET' ? [undefined] : bodies) {
        const response = await request(route.method, `${path}?limit=-5&cursor=%%%&asOf=yesterday&from=x`, undefined, { token, rawBody });
        if (response.status >= 500) failures.push(`${route.key} ${rawBody ?? '(no body)'} → ${response.status}`);
        if (response.status >= 400 && typeof response.body === 'object' && !response.body.error && !response.body.message)
          failures.push(`${route.key} → ${response.status} without the error JSON`);
      }
    }
    expect(failures).toEqual([]);
  });
});
