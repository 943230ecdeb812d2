import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE } from '../../functions/core/shapes.ts';
import type { Route } from '../../functions/routes.ts';
import { newTenant, type Tenant } from '../support/adversary/world.ts';
import { as } from '../support/api.ts';
import { pagedLists } from '../support/list-routes.ts';

/** The route's path with the tenant's own ids: its first customer, the invoice with comments, a webhook endpoint. */
const pathOf = (route: Route, tenant: Tenant, webhookId: string, currency: string) => {
  const customer = tenant.customers[0];
  const own: Record<string, string> = {
    orgId: tenant.orgId,
    portalName: tenant.portalName,
    contactId: customer.id,
    personId: customer.personIds[0]!,
    docId: customer.docs[0]!.id,
    kind: 'invoices',
    webhookId,
    currency,
  };
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in own)) throw new Error(`no id for {${name}} in ${route.key}: give the test one`);
    return own[name]!;
  });
};

const identity = (item: { id?: string }) => item.id ?? JSON.stringify(item);

describe('every paged list, from the route table', () => {
  it('answers at most `limit` items, and walking its cursors one by one yields the whole list once, in its order', { timeout: 300_000 }, async () => {
    const tenant = await newTenant('Pager');
    // Subscribed to an event this tenant never has, so no delivery to the unreachable address waits for the retry sweep other tests run.
    const webhook = await tenant.api.post(`/v1/orgs/${tenant.orgId}/webhooks`, { url: 'http://127.0.0.1:9/hooks', events: ['credit_note.issued'] });
    expect(webhook.status).toBe(201);
    // The currency the first customer holds credit in (its retainer's payment), for the credit entries.
    const credits = await tenant.api.get(`/v1/orgs/${tenant.orgId}/contacts/${tenant.customers[0].id}/credits`);
    const currency = (credits.body.items[0]?.currency as string | undefined) ?? 'USD';
    const walked: Record<string, number> = {};
    for (const route of pagedLists()) {
      const caller = as(route.auth === 'portal' ? tenant.customers[0].portalToken : tenant.staffToken);
      const path = pathOf(route, tenant, webhook.body.id, currency);
      const whole = await caller.get(`${path}?limit=${MAX_PAGE_SIZE}`);
      expect([route.key, whole.status]).toEqual([route.key, 200]);
      expect([route.key, whole.body.nextCursor]).toEqual([route.key, null]);

      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { items: { id?: string }[]; nextCursor: string | null } } = await caller.get(
          `${path}?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect([route.key, page.status]).toEqual([route.key, 200]);
        expect(page.body.items.length).toBeLessThanOrEqual(1);
        pages.push(page.body.items.map(identity));
        cursor = page.body.nextCursor;
      } while (cursor && pages.length <= whole.body.items.length);
      // Comments page from the newest back, each page oldest first (a thread reads upwards): their pages join in reverse.
      const joined = route.path.endsWith('/comments') ? pages.toReversed().flat() : pages.flat();
      expect([route.key, joined]).toEqual([route.key, whole.body.items.map(identity)]);
      walked[route.key] = whole.body.items.length;

      for (const limit of ['0', String(MAX_PAGE_SIZE + 1), 'ten'])
        expect([route.key, limit, (await caller.get(`${path}?limit=${limit}`)).status]).toEqual([route.key, limit, 400]);
      expect([route.key, (await caller.get(`${path}?cursor=not-a-cursor`)).status]).toEqual([route.key, 400]);
    }
    // Lists with more than one item prove their cursors: the seeded tenant has documents, contacts, comments and activity to page.
    const multiPage = Object.entries(walked)
      .filter(([, count]) => count > 1)
      .map(([key]) => key);
    expect(multiPage).toEqual(
      expect.arrayContaining([
        'GET /v1/orgs/{orgId}/contacts',
        'GET /v1/orgs/{orgId}/{kind}',
        'GET /v1/orgs/{orgId}/{kind}/{docId}/comments',
        'GET /v1/orgs/{orgId}/{kind}/{docId}/activity',
        'GET /v1/portal/{portalName}/documents',
        'GET /v1/portal/{portalName}/documents/{docId}/comments',
      ]),
    );
  });
});
