import { describe, expect, it } from 'vitest';
import { matchRoute } from '../../functions/core/http/route-matching.ts';
import { routeList } from '../../functions/routes.ts';

const table = routeList();

describe('route matching', () => {
  it('finds a route and decodes its path parameters', () => {
    const match = matchRoute(table, 'PUT', '/v1/orgs/org_123/portal');
    expect(match).toMatchObject({ kind: 'route', pathParameters: { orgId: 'org_123' } });
    expect(match.kind === 'route' && match.route.key).toBe('PUT /v1/orgs/{orgId}/portal');
    expect(matchRoute(table, 'GET', '/v1/portal-names/a%20b')).toMatchObject({ pathParameters: { name: 'a b' } });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(matchRoute(table, 'DELETE', '/v1/orgs')).toEqual({ kind: 'wrong-method', allowed: ['POST', 'GET'] });
    expect(matchRoute(table, 'GET', '/v1/orgs/org_1/invoices/doc_1/unknown/deeper')).toEqual({ kind: 'none' });
    expect(matchRoute(table, 'GET', '/v1/orgs/')).toEqual({ kind: 'none' });
  });

  it('matches no route when a parameter is not valid percent-encoding', () => {
    for (const path of ['/v1/orgs/%E0%A4%A/contacts', '/v1/orgs/org_1/invoices/%', '/v1/portal/%zz'])
      expect(matchRoute(table, 'GET', path)).toEqual({ kind: 'none' });
  });

  it('has no two routes with the same method and path', () => {
    const keys = routeList().map((route) => route.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('every route is matched by its own path', () => {
    for (const route of routeList()) {
      const samplePath = route.path.replace(/\{(\w+)\}/g, 'sample');
      const match = matchRoute(table, route.method, samplePath);
      expect(match.kind).toBe('route');
    }
  });
});
