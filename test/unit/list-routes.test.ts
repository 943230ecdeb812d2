import { describe, expect, it } from 'vitest';
import { built } from '../../functions/core/built-schema.ts';
import { jsonSchemaOf } from '../../functions/core/route-spec.ts';
import { ListQuery } from '../../functions/core/shapes.ts';
import { answeredWhole, listRoutes, pagedLists, shapeOf } from '../support/list-routes.ts';

const lists = listRoutes();

describe('every list', () => {
  it('there are lists to check', () => expect(lists.length).toBeGreaterThan(10));

  it.each(pagedLists())('$key takes limit and cursor and answers nextCursor', (route) => {
    const query = shapeOf(route.query) ?? {};
    expect(query.limit).toBe(built(ListQuery).shape.limit);
    expect(query.cursor).toBe(built(ListQuery).shape.cursor);
    expect(shapeOf(jsonSchemaOf(route.responses[200] ?? null))).toHaveProperty('nextCursor');
  });

  it('the lists answered whole are still lists', () => {
    expect(Object.keys(answeredWhole).filter((key) => !lists.some((route) => route.key === key))).toEqual([]);
  });
});
