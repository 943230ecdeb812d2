import type { Route } from './route-spec.ts';

/** Path parameters that name something looked up (404 when it is missing or another tenant's); a free-form `{name}` does not. */
const namesResource = (parameter: string) => parameter.endsWith('Id') || parameter === 'portalName';

/**
 * The error statuses a route answers: those its shape implies (400 for any
 * input, 401 behind a token, 403 inside an organization (a role that is not enough, or a second factor it requires), 404 inside an organization or portal or for an
 * id in the path, 413 for a body) and those it declares; a status it answers
 * with its own reply (a portal page's 404) is not an error here.
 */
export function errorStatuses(route: Route): number[] {
  const pathParameters = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const implied = [
    ...(route.params || route.query || route.body ? [400] : []),
    ...(route.auth === 'none' ? [] : [401]),
    ...(route.auth === 'member' ? [403] : []),
    ...(route.auth === 'member' || route.auth === 'portal' || pathParameters.some(namesResource) ? [404] : []),
    ...(route.body ? [413] : []),
  ];
  return [...new Set([...implied, ...(route.errors ?? [])])].filter((status) => !(status in route.responses)).sort((a, b) => a - b);
}
