import { readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { dispatch, type HttpHandler } from '../../functions/core/http/dispatch.ts';
import type { HttpEvent } from '../../functions/core/http/event.ts';
import { grantingNeeds } from '../../functions/core/needs.ts';
import { routeList } from '../../functions/routes.ts';
import { handler as unrouted } from '../../functions/system/unrouted.ts';
import { entryFile, FALLBACK_GROUP, type FunctionGroup, functionGroups, groupEntry } from '../../lib/settings/function-groups.ts';

const answering =
  (name: string): HttpHandler =>
  async () => ({ statusCode: 200, body: name });
const event = (routeKey: string) => ({ routeKey }) as HttpEvent;

describe('function groups', () => {
  it('put every route in exactly one function, with the same grants and weight as every other route there', () => {
    const groups = functionGroups();
    expect(groups.flatMap((group) => group.routes.map((route) => route.key)).sort()).toEqual(
      routeList()
        .map((route) => route.key)
        .sort(),
    );
    for (const group of groups) {
      const grantsAndWeight = ({ needs, renders }: Pick<FunctionGroup, 'needs' | 'renders'>) => [grantingNeeds(needs), renders];
      expect(group.routes.map(grantsAndWeight)).toEqual(group.routes.map(() => grantsAndWeight(group)));
      for (const route of group.routes) expect(group.needs).toMatchObject(route.needs);
    }
    expect(groups.filter((group) => group.renders === 'pdf').map((group) => group.name)).toEqual(['LogoBucketReadTableReadPdf']);
    expect(grantingNeeds(groups.find((group) => group.name === FALLBACK_GROUP)!.needs)).toEqual({});
  });

  it("serve the portal person's journey (pages, sign-in, list, open a document, statement) from two functions, the PDF from a third", () => {
    const journey = [
      'GET /p/{portalName}',
      'POST /v1/portal/{portalName}/sessions',
      'GET /p/{portalName}/{page}',
      'GET /v1/portal/{portalName}/documents',
      'GET /p/{portalName}/documents/{docId}',
      'GET /v1/portal/{portalName}/documents/{docId}',
      'GET /v1/portal/{portalName}/statement',
    ];
    const functionOf = (key: string) => functionGroups().find((group) => group.routes.some((route) => route.key === key))!.name;
    expect(new Set(journey.map(functionOf))).toEqual(new Set(['PortalPersonTableRead', 'PortalPersonTableReadwrite']));
    expect(functionOf('GET /v1/portal/{portalName}/documents/{docId}/pdf')).toBe('LogoBucketReadTableReadPdf');
  });

  it("generate an entry that imports exactly the function's handlers and a fallback: the route table's only in the function API Gateway sends unmatched requests", () => {
    for (const group of functionGroups()) {
      const imported = [...readFileSync(groupEntry(group), 'utf8').matchAll(/import \{ handler as \w+ \} from "([^"]+)"/g)].map((match) => match[1]);
      const fallback = entryFile(group.name === FALLBACK_GROUP ? 'system/fallback' : 'system/unrouted');
      expect(imported.sort()).toEqual([...new Set([fallback, ...group.routes.map((route) => entryFile(route.entry))])].sort());
    }
  });

  it('dispatch by the route key API Gateway matched; anything else reaches the fallback', async () => {
    const handler = dispatch({ 'GET /a': answering('a'), 'POST /a': answering('post a') }, answering('fallback'));
    const answers = await Promise.all(['GET /a', 'POST /a', '$default', 'ANY /{proxy+}', 'constructor'].map((key) => handler(event(key), {} as Context)));
    expect(answers.map((answer) => answer.body)).toEqual(['a', 'post a', 'fallback', 'fallback', 'fallback']);
  });

  it('answer a route key the function does not serve as an unknown route, without the route table', async () => {
    const answer = await unrouted(
      { rawPath: '/v1/orgs', routeKey: 'DELETE /v1/orgs', requestContext: { http: { method: 'DELETE' } }, headers: {} } as unknown as HttpEvent,
      {
        awsRequestId: 'unrouted',
      } as Context,
    );
    expect([answer.statusCode, JSON.parse(String(answer.body)).error.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });
});
