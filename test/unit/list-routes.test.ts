import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { ListQuery } from '../../functions/core/shapes.ts';
import { routeList } from '../../functions/routes.ts';

/**
 * Lists answered whole, each with why it is bounded: nothing else may answer
 * `{ items, nextCursor }` without taking `limit` and `cursor`.
 */
const answeredWhole: Record<string, string> = {
  'GET /v1/orgs/{orgId}/email-templates': 'one item per template Portico defines',
  'GET /v1/orgs': "the caller's organizations, sorted by name",
  'GET /v1/orgs/{orgId}/contacts/{contactId}/credits':
    'one item per currency the contact holds credit in; the entries behind each are paged on …/credits/{currency}/entries',
};

const shapeOf = (schema: unknown) => (schema as { _zod?: { def?: { shape?: Record<string, z.ZodMiniType> } } } | undefined)?._zod?.def?.shape;

const lists = routeList().filter((route) => route.method === 'GET' && 'items' in (shapeOf(route.responses[200]) ?? {}));

describe('every list', () => {
  it('there are lists to check', () => expect(lists.length).toBeGreaterThan(10));

  it.each(lists.filter((route) => !(route.key in answeredWhole)))('$key takes limit and cursor and answers nextCursor', (route) => {
    const query = shapeOf(route.query) ?? {};
    expect(query.limit).toBe(ListQuery.shape.limit);
    expect(query.cursor).toBe(ListQuery.shape.cursor);
    expect(shapeOf(route.responses[200])).toHaveProperty('nextCursor');
  });

  it('the lists answered whole are still lists', () => {
    expect(Object.keys(answeredWhole).filter((key) => !lists.some((route) => route.key === key))).toEqual([]);
  });
});
