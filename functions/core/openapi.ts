import * as z from 'zod/mini';
import { rolesFor } from './access/roles.ts';
import { componentSchemas, errorReplies, idempotencyKeyParameter, securitySchemes } from './openapi-components.ts';
import { errorStatuses } from './route-errors.ts';
import { isNegotiatedReply, isRawReply, jsonSchemaOf, type RawType, type Reply, type Route, rawContentTypes, type Schema } from './route-spec.ts';

type JsonSchema = Record<string, unknown>;

/** What a route's code can answer, read from its source by the generator (scripts/route-facts.ts). */
export interface RouteFacts {
  /** The error codes it can answer, by status. */
  codes: Record<number, string[]>;
  /** Whether its handler honours an `Idempotency-Key` header. */
  idempotencyKey: boolean;
}

export interface DocumentOptions {
  /** The areas' tags, with what each is for. */
  tags?: { name: string; description?: string }[];
  facts?: (route: Route, errorStatuses: readonly number[]) => RouteFacts;
}

const noFacts: RouteFacts = { codes: {}, idempotencyKey: false };

const requestSchema = (schema: Schema): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const schemaRef = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const pascal = (text: string) =>
  text
    .split(/[^A-Za-z0-9]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
const camel = (text: string) => pascal(text).replace(/^./, (letter) => letter.toLowerCase());

const reasons: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No content', 404: 'Not found' };

/** OpenAPI 3.1 describes a binary body as a string of its media type; a page is text. */
const rawSchemas: Record<RawType, JsonSchema> = {
  'application/pdf': { type: 'string', contentMediaType: 'application/pdf' },
  'application/zip': { type: 'string', contentMediaType: 'application/zip' },
  'text/html': { type: 'string' },
  'text/csv': { type: 'string' },
  'text/javascript': { type: 'string' },
  'image/*': { type: 'string', contentMediaType: 'image/*' },
  'application/x-ndjson': { type: 'string' },
  'application/xml': { type: 'string', contentMediaType: 'application/xml' },
};

/** Unique per operation: the entry's name, and for an entry that serves several paths, what its path adds to the shortest. */
function operationIds(routes: Route[]): Map<Route, string> {
  const ids = new Map<Route, string>();
  for (const route of routes) {
    const shared = routes.filter((other) => other.entry === route.entry);
    const shortest = shared.reduce((a, b) => (a.path.length <= b.path.length ? a : b)).path;
    ids.set(route, camel(route.entry) + (shared.length > 1 ? pascal(route.path.slice(shortest.length)) : ''));
  }
  return ids;
}

/**
 * Every response schema as a component: the shared shapes under their own
 * names, each route's other replies under its operation's name. One registry
 * turns them all into JSON Schema 2020-12 with `$ref`s between them.
 */
function responseComponents(routes: Route[], ids: Map<Route, string>) {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(componentSchemas)) registry.add(schema, { id });
  for (const route of routes) {
    for (const reply of Object.values(route.responses)) {
      const schema = jsonSchemaOf(reply);
      if (schema && !registry.has(schema)) registry.add(schema, { id: `${pascal(ids.get(route)!)}Response` });
    }
  }
  const { schemas } = z.toJSONSchema(registry, { io: 'output', unrepresentable: 'any', uri: (id) => schemaRef(id).$ref });
  // Components are embedded in the document: their own $schema and $id would only repeat where they live.
  const ref = (schema: Schema) => schemaRef(registry.get(schema)!.id);
  return { schemas: Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema])), ref };
}

function parameters(route: Route) {
  const inPath = new Set([...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
  const properties = (schema: Schema | undefined) => Object.entries((schema ? requestSchema(schema).properties : {}) as JsonSchema);
  return [
    ...properties(route.params)
      .filter(([name]) => inPath.has(name))
      .map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...properties(route.query).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
  ];
}

function whoMayCall(route: Route): string {
  switch (route.auth) {
    case 'none':
      return 'Public: no token.';
    case 'staff':
      return 'Any signed-in staff user (an ID token of the staff pool).';
    case 'member':
      return `A staff member of the organization in the path (an ID token of the staff pool) with the role ${rolesFor(route.method, route.roles).join(', ')}; for anyone else the organization does not exist (404).`;
    case 'portal':
      return "A person with access to this portal (an ID token of the portal pool); another customer's documents and data answer 404.";
  }
}

const sentence = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/** The route's own description (or its summary), who may call it, and how its paging and idempotency work. */
function operationDescription(route: Route, facts: RouteFacts): string {
  const query = route.query ? (requestSchema(route.query).properties as JsonSchema) : {};
  return [
    sentence(route.description ?? route.summary),
    whoMayCall(route),
    ...('cursor' in query ? ['Paged: pass the `nextCursor` of one page as `cursor` to get the next; the last page has no `nextCursor`.'] : []),
    ...(facts.idempotencyKey ? ['Honours `Idempotency-Key`: a retry with the same key does not do the work twice.'] : []),
  ].join('\n\n');
}

/** An error status of one operation: the shared response, described with the codes this route can answer. */
function errorResponse(status: number, codes: readonly string[] | undefined) {
  const { name, description } = errorReplies[status]!;
  const $ref = `#/components/responses/${name}`;
  return codes?.length ? { $ref, description: `${description}. Codes: ${codes.map((code) => `\`${code}\``).join(', ')}.` } : { $ref };
}

function successResponse(status: number, reply: Reply, ref: (schema: Schema) => { $ref: string }) {
  const description = reasons[status] ?? String(status);
  if (reply === null) return { description };
  const raw = (types: readonly RawType[]) => Object.fromEntries(types.map((type) => [type, { schema: rawSchemas[type] }]));
  if (isRawReply(reply)) return { description, content: raw(rawContentTypes(reply)) };
  const json = { 'application/json': { schema: ref(jsonSchemaOf(reply)!) } };
  return { description, content: { ...json, ...raw(isNegotiatedReply(reply) ? reply.alternatives : []) } };
}

/** The OpenAPI 3.1 document of every route, generated from the route table: inputs, replies and error statuses. */
export function openApiDocument(routes: Route[], { tags, facts = () => noFacts }: DocumentOptions = {}) {
  const ids = operationIds(routes);
  const { schemas, ref } = responseComponents(routes, ids);
  const paths: Record<string, Record<string, unknown>> = {};
  const errorsUsed = new Set<number>();
  for (const route of routes) {
    const errors = errorStatuses(route);
    for (const status of errors) errorsUsed.add(status);
    const known = facts(route, errors);
    const body = route.body && { schema: requestSchema(route.body), ...(route.example === undefined ? {} : { example: route.example }) };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: ids.get(route),
      tags: [route.area],
      summary: route.summary,
      description: operationDescription(route, known),
      security: route.auth === 'none' ? [] : [{ [route.auth === 'portal' ? 'portalJwt' : 'staffJwt']: [] }],
      parameters: [...parameters(route), ...(known.idempotencyKey ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : [])],
      ...(body ? { requestBody: { required: true, content: { 'application/json': body } } } : {}),
      responses: {
        ...Object.fromEntries(Object.entries(route.responses).map(([status, reply]) => [status, successResponse(Number(status), reply, ref)])),
        ...Object.fromEntries(errors.map((status) => [status, errorResponse(status, known.codes[status])])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portico API',
      version: '1.0.0',
      description: [
        'Invoicing for businesses and a client portal for their customers.',
        'Money is always an integer in minor units of the currency it belongs to (cents for EUR and USD, yen for JPY, thousandths for KWD): `12345` in EUR is 123.45 EUR. Tax and discount rates are percentages: `19` is 19 %, `0.25` is 0.25 % (India has GST rates of 0.25 % and 0.1 %, so a small rate is not taken for a fraction). Dates are `YYYY-MM-DD`; times are ISO 8601 in UTC unless a property says otherwise.',
        'Staff routes take an ID token of the staff user pool, portal routes one of the portal user pool, as `Authorization: Bearer …`. Every error a function answers is the `Error` JSON, `{ "error": { "code", "message", "details"? } }`; each operation lists, under each error status, the codes its code can raise (a superset: not every code applies to every request). A request that is refused writes nothing.',
      ].join('\n\n'),
    },
    ...(tags ? { tags } : {}),
    servers: [{ url: '/', description: 'The API Gateway stage (or the local gateway) serving this document' }],
    paths,
    components: {
      schemas,
      responses: Object.fromEntries(
        [...errorsUsed].sort().map((status) => {
          const { name, description, schema } = errorReplies[status]!;
          return [name, { description, content: { 'application/json': { schema } } }];
        }),
      ),
      parameters: { IdempotencyKey: idempotencyKeyParameter },
      securitySchemes,
    },
  };
}
