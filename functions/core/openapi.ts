import * as z from 'zod/mini';
import { routeList, type Route } from './routes.ts';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output' = 'input') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;

function parameters(route: Route) {
  const inPath = route.params ? (jsonSchema(route.params).properties as Record<string, unknown>) : {};
  const inQuery = route.query ? (jsonSchema(route.query).properties as Record<string, unknown>) : {};
  return [
    ...Object.entries(inPath).map(([name, schema]) => ({ name, in: 'path', required: true, schema })),
    ...Object.entries(inQuery).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
  ];
}

function operation(route: Route) {
  return {
    operationId: route.entry.replace(/[/-](\w)/g, (_, letter: string) => letter.toUpperCase()),
    summary: route.summary,
    security: route.auth === 'none' ? [] : [{ [route.auth === 'portal' ? 'portalJwt' : 'staffJwt']: [] }],
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } } } : {}),
    responses: {
      default: { description: 'An error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      '2XX': { description: 'Success' },
    },
  };
}

/** The OpenAPI 3.1 document of every route, generated from the route table and its schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList()) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Portico API', version: '1.0.0' },
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        staffJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'ID token of the staff user pool' },
        portalJwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'ID token of the portal user pool' },
      },
    },
  };
}
