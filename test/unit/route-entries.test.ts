import { describe, expect, it } from 'vitest';
import { routeList } from '../../functions/routes.ts';
import { entryFile } from '../../lib/settings/function-groups.ts';

describe('route entries', () => {
  it.each(routeList())('$key: the handler its entry $entry exports is built from a route naming that entry', async (route) => {
    const { handler } = await import(/* @vite-ignore */ entryFile(route.entry));
    const options = handler.options;
    expect(options.entry).toBe(route.entry);
    // A handler shared by several keys must authorize and parse each of them as its own route says.
    expect([options.auth, options.params, options.query, options.body]).toEqual([route.auth, route.params, route.query, route.body]);
  });
});
