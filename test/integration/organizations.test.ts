import { describe, expect, it } from 'vitest';
import { as } from '../support/api.ts';
import { local } from '../support/local.ts';
import { newOrganization, newStaffToken, uniquePortalName } from '../support/staff.ts';

describe('organizations', () => {
  it('creates an organization whose creator is its owner, and lists it', async () => {
    const token = await newStaffToken();
    const portalName = uniquePortalName();
    const created = await as(token).post('/v1/orgs', { name: 'Northwind Traders', portalName, currency: 'JPY' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Northwind Traders',
      currency: 'JPY',
      portalName,
      portalEnabled: true,
      portalGeneration: 1,
      portalUrl: `${local().apiUrl}/p/${portalName}`,
      version: 1,
    });
    expect(created.body.id).toMatch(/^org_[0-9a-z]{16}$/);
    expect(created.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await as(token).get('/v1/orgs');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [created.body], nextCursor: null });
  });

  it('creates an organization without a portal name, with the portal disabled', async () => {
    const created = await as(await newStaffToken()).post('/v1/orgs', { name: 'No Portal Yet' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ currency: 'USD', timeZone: 'UTC', portalName: null, portalUrl: null, portalEnabled: false });
  });

  it('keeps a time zone: an IANA name at creation or later, refusing anything else with 422 and changing nothing', async () => {
    const created = await as(await newStaffToken()).post('/v1/orgs', { name: 'Mumbai Traders', timeZone: 'Asia/Kolkata' });
    expect(created.status).toBe(201);
    expect(created.body.timeZone).toBe('Asia/Kolkata');
    const { org, api } = await newOrganization();
    expect(org.timeZone).toBe('UTC');
    for (const timeZone of ['Mars/Olympus', '+05:30', 'UTC+5', 'Europe/Berlin ']) {
      const refused = await api.patch(`/v1/orgs/${org.id}`, { timeZone });
      expect(refused.status, timeZone).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'INVALID_TIME_ZONE', details: { field: 'timeZone' } });
    }
    const refusedAtCreation = await as(await newStaffToken()).post('/v1/orgs', { name: 'Nowhere Ltd', timeZone: 'Nowhere/Town' });
    expect(refusedAtCreation.status).toBe(422);
    expect(refusedAtCreation.body.error.code).toBe('INVALID_TIME_ZONE');
    expect((await api.get(`/v1/orgs/${org.id}`)).body).toMatchObject({ timeZone: 'UTC', version: 1 });
    const updated = await api.patch(`/v1/orgs/${org.id}`, { timeZone: 'Pacific/Kiritimati' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ timeZone: 'Pacific/Kiritimati', version: 2 });
    expect((await api.get(`/v1/orgs/${org.id}`)).body).toEqual(updated.body);
  });

  it('reads and updates the profile, bumping the version', async () => {
    const { org, api } = await newOrganization();
    const updated = await api.patch(`/v1/orgs/${org.id}`, {
      name: 'Acme Supplies GmbH',
      branding: { color: '#1A73E8' },
      address: { line1: 'Unter den Linden 1', city: 'Berlin', country: 'DE' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Acme Supplies GmbH',
      branding: { color: '#1A73E8', appliedColor: '#1a73e8', logoUrl: null },
      address: { line1: 'Unter den Linden 1', city: 'Berlin', country: 'DE' },
      version: 2,
    });
    const read = await api.get(`/v1/orgs/${org.id}`);
    expect(read.body).toEqual(updated.body);
  });

  it('rejects an invalid profile update with 400 details and changes nothing', async () => {
    const { org, api } = await newOrganization();
    const response = await api.patch(`/v1/orgs/${org.id}`, { name: 'Renamed', branding: { color: 'blue' }, currency: 'euro' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['body.branding.color', 'body.currency']);
    expect((await api.get(`/v1/orgs/${org.id}`)).body).toMatchObject({ name: 'Acme Supplies', version: 1 });
  });

  it('hides an organization from staff who are not its members: 404, not 403', async () => {
    const orgA = await newOrganization();
    const outsider = as(await newStaffToken());
    for (const response of [
      await outsider.get(`/v1/orgs/${orgA.org.id}`),
      await outsider.patch(`/v1/orgs/${orgA.org.id}`, { name: 'Hijacked' }),
      await outsider.put(`/v1/orgs/${orgA.org.id}/portal`, { enabled: false }),
      await outsider.get('/v1/orgs/org_doesnotexist0000'),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Organization was not found.' } });
    }
    expect((await outsider.get('/v1/orgs')).body.items).toEqual([]);
    expect((await orgA.api.get(`/v1/orgs/${orgA.org.id}`)).body.name).toBe('Acme Supplies');
  });

  it('refuses a concurrent stale profile update with 409 instead of losing it', async () => {
    const { org, api } = await newOrganization();
    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => api.patch(`/v1/orgs/${org.id}`, { name: `Name ${index}` })));
    const statuses = results.map((result) => result.status);
    expect(statuses).toContain(200);
    for (const status of statuses) expect([200, 409]).toContain(status);
    const final = (await api.get(`/v1/orgs/${org.id}`)).body;
    expect(final.version).toBe(1 + statuses.filter((status) => status === 200).length);
  });
});

describe('organization creation allowance', () => {
  it('lets one staff user create 10 organizations a day, then answers 429 and creates nothing', async () => {
    const staff = as(await newStaffToken());
    const created = [];
    for (let index = 0; index < 12; index++) created.push(await staff.post('/v1/orgs', { name: `Shell ${index}` }));
    expect(created.map((response) => response.status)).toEqual([...Array(10).fill(201), 429, 429]);
    const refused = created.find((response) => response.status === 429)!;
    expect(refused.body.error).toEqual({
      code: 'TOO_MANY_ATTEMPTS',
      message: 'You created 10 organizations today, as many as one person may per day; try again tomorrow (UTC).',
      details: { retryAfter: expect.any(Number) },
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await staff.get('/v1/orgs')).body.items).toHaveLength(10);
    // Another staff user is not held back by this one.
    expect((await as(await newStaffToken()).post('/v1/orgs', { name: 'Honest Ltd' })).status).toBe(201);
  });
});

describe('authentication and request plumbing', () => {
  it('answers 401 without a token, and with a token of the wrong pool', async () => {
    expect((await as().get('/v1/orgs')).status).toBe(401);
    expect((await as('not-a-jwt').get('/v1/orgs')).status).toBe(401);
  });

  it('answers malformed JSON with 400 and the error JSON', async () => {
    const response = await as(await newStaffToken()).post('/v1/orgs', undefined, { rawBody: '{"name": "Broken",' });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await as(await newStaffToken()).post('/v1/orgs', undefined, { rawBody: JSON.stringify({ name: 'x'.repeat(1_100_000) }) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const unknown = await as().get('/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ROUTE_NOT_FOUND');
    const wrongMethod = await as().delete('/v1/orgs');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, GET');
  });

  it('serves an OpenAPI 3.1 document of every route', async () => {
    const response = await as().get('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(response.body.paths['/v1/orgs/{orgId}/portal'].put.requestBody.content['application/json'].schema.properties).toHaveProperty('name');
    const kind = response.body.paths['/v1/orgs/{orgId}/{kind}'].post.parameters.find((parameter: { name: string }) => parameter.name === 'kind');
    expect(kind.schema.enum).toEqual(['invoices', 'estimates', 'retainer-invoices', 'credit-notes']);
  });
});
