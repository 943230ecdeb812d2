import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Route, routeList } from '../../functions/routes.ts';
import { tenantFingerprint } from '../support/adversary/partitions.ts';
import { judge } from '../support/adversary/run.ts';
import { jsonSchemaOf, malformedTokens, sample, tokenFields } from '../support/adversary/samples.ts';
import { newTenant, type Tenant } from '../support/adversary/world.ts';
import { request } from '../support/api.ts';

const RUNS_PER_ROUTE = 16;

/** Text an attacker would try in any slot: control characters, unpaired surrogates, broken escapes, huge and empty values. */
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%zz',
    '%E0%A4%A',
    '..',
    '../../etc/passwd',
    '\u0000',
    '\ud800',
    '{{constructor}}',
    '__proto__',
    'null',
    '-1',
    '1e309',
    'a'.repeat(5000),
  ),
);
const hostileJson = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withNullPrototype: false, maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value ?? null))),
);

/** Percent-encodes what can be; surrogates go as the replacement character. Raw `%` stays raw, so broken escapes reach the server. */
const encodeLoosely = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd')).replace(/%25/g, '%');

/** The route's valid body with each token field it has replaced by a malformed token. */
function withForgedTokens(validBody: Record<string, unknown> | undefined) {
  const fields = Object.keys(validBody ?? {}).filter((key) => tokenFields.has(key));
  if (!validBody || fields.length === 0) return fc.constant(undefined);
  return fc.constantFrom(...malformedTokens).map((token) => JSON.stringify({ ...validBody, ...Object.fromEntries(fields.map((field) => [field, token])) }));
}

interface Attempt {
  path: string;
  body?: string;
  headers: Record<string, string>;
}

/** Requests for one route: its own valid request with path parameters, query, body or headers broken by fast-check. */
function attempts(route: Route, tenant: Tenant, seed: number): Attempt[] {
  const own: Record<string, string> = {
    orgId: tenant.orgId,
    portalName: tenant.portalName,
    contactId: tenant.customers[0].id,
    personId: tenant.customers[0].personIds[1]!,
    docId: tenant.customers[0].docs[0]!.id,
    kind: 'invoices',
  };
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const queryKeys = Object.keys(jsonSchemaOf(route.query)?.properties ?? {});
  const validBody = route.body ? (sample(jsonSchemaOf(route.body)) as Record<string, unknown>) : undefined;
  const attempt = fc.record({
    path: fc.dictionary(fc.constantFrom(...(params.length ? params : ['none'])), hostileText, { maxKeys: 2 }),
    query: fc.dictionary(fc.oneof(fc.constantFrom('cursor', 'limit', ...queryKeys), fc.string({ maxLength: 8 })), hostileText, { maxKeys: 3 }),
    body: fc.oneof(
      hostileJson.map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 60 }),
      validBody
        ? fc
            .record({ key: fc.constantFrom(...Object.keys(validBody), 'extra'), value: hostileJson })
            .map(({ key, value }) => JSON.stringify({ ...validBody, [key]: value }))
        : fc.constant(undefined),
      withForgedTokens(validBody),
    ),
    contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', ''),
    idempotencyKey: fc.oneof(
      fc.uuid(),
      hostileText.filter((text) => /^[\x20-\x7e]*$/.test(text)),
    ),
  });
  return fc.sample(attempt, { numRuns: RUNS_PER_ROUTE, seed }).map((generated) => {
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => (name in generated.path ? encodeLoosely(generated.path[name]!) : (own[name] ?? 'x')));
    const query = Object.entries(generated.query)
      .map(([key, value]) => `${encodeLoosely(key)}=${encodeLoosely(value)}`)
      .join('&');
    return {
      path: query ? `${path}?${query}` : path,
      body: route.method === 'GET' ? undefined : generated.body,
      headers: { ...(generated.contentType ? { 'content-type': generated.contentType } : {}), 'idempotency-key': generated.idempotencyKey || randomUUID() },
    };
  });
}

describe('bad input on every route, generated from the route table', () => {
  it('never answers 5xx or a stack trace, and a rejected request changes nothing', { timeout: 600_000 }, async () => {
    const tenant = await newTenant('Fuzz');
    const findings: string[] = [];
    let requests = 0;
    let rejected = 0;
    let changedByRejected = 0;
    for (const [index, route] of routeList().entries()) {
      const token = route.auth === 'portal' ? tenant.customers[0].portalToken : route.auth === 'none' ? undefined : tenant.staffToken;
      // The only ids these requests carry are the organization's and its first document's: their partitions are where a write could land.
      for (const attempt of attempts(route, tenant, 9_000 + index)) {
        const before = await tenantFingerprint(tenant, [tenant.customers[0].docs[0]!.id]);
        const response = await request(route.method, attempt.path, undefined, { token, headers: attempt.headers, rawBody: attempt.body });
        requests++;
        const problem = judge({ route: route.key, method: route.method, path: attempt.path, secrets: [] }, response);
        if (problem) findings.push(`${route.method} ${attempt.path.slice(0, 120)} ${attempt.body?.slice(0, 80) ?? ''}: ${problem}`);
        if (response.status >= 400) {
          rejected++;
          if ((await tenantFingerprint(tenant, [tenant.customers[0].docs[0]!.id])) !== before) {
            changedByRejected++;
            findings.push(`${route.method} ${attempt.path.slice(0, 120)} → ${response.status} changed the table`);
          }
        }
      }
    }
    console.log(
      `bad input: ${routeList().length} routes, ${requests} requests, ${rejected} rejected, 5xx or stack traces ${findings.length - changedByRejected}, writes after rejected requests ${changedByRejected}`,
    );
    expect(findings).toEqual([]);
  });
});
