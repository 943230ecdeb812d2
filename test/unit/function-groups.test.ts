import { readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { dispatch, type HttpHandler } from '../../functions/core/http/dispatch.ts';
import type { HttpEvent } from '../../functions/core/http/event.ts';
import { routeList } from '../../functions/routes.ts';
import { entryFile, FALLBACK_GROUP, functionGroups, groupEntry } from '../../lib/settings/function-groups.ts';

const answering =
  (name: string): HttpHandler =>
  async () => ({ statusCode: 200, body: name });
const event = (routeKey: string) => ({ routeKey }) as HttpEvent;

describe('function groups', () => {
  it('put every route in exactly one function, with the same needs and weight as every other route there', () => {
    const groups = functionGroups();
    expect(groups.flatMap((group) => group.routes.map((route) => route.key)).sort()).toEqual(
      routeList()
        .map((route) => route.key)
        .sort(),
    );
    for (const group of groups) {
      expect(group.routes.map((route) => [route.needs, route.renders])).toEqual(group.routes.map(() => [group.needs, group.renders]));
    }
    expect(groups.filter((group) => group.renders === 'pdf').map((group) => group.name)).toEqual(['TableReadPdf']);
    expect(groups.find((group) => group.name === FALLBACK_GROUP)?.needs).toEqual({});
  });

  it("generate an entry that imports exactly the function's handlers and the fallback", () => {
    for (const group of functionGroups()) {
      const imported = [...readFileSync(groupEntry(group), 'utf8').matchAll(/import \{ handler as \w+ \} from "([^"]+)"/g)].map((match) => match[1]);
      expect(imported.sort()).toEqual([...new Set([entryFile('system/fallback'), ...group.routes.map((route) => entryFile(route.entry))])].sort());
    }
  });

  it('dispatch by the route key API Gateway matched; anything else reaches the fallback', async () => {
    const handler = dispatch({ 'GET /a': answering('a'), 'POST /a': answering('post a') }, answering('fallback'));
    const answers = await Promise.all(['GET /a', 'POST /a', '$default', 'ANY /{proxy+}', 'constructor'].map((key) => handler(event(key), {} as Context)));
    expect(answers.map((answer) => answer.body)).toEqual(['a', 'post a', 'fallback', 'fallback', 'fallback']);
  });
});
