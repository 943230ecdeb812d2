import type { BuildMiddleware, HandlerOptions, InitializeMiddleware, MiddlewareStack } from '@smithy/types';
import { db } from '../../functions/core/db/client.ts';
import type { Needs } from '../../functions/core/needs.ts';
import { portalPoolClient } from '../../functions/core/portal-access/cognito.ts';

export type ProductService = 'dynamodb' | 'cognito';

/**
 * Adds a middleware to the product's own DynamoDB and portal-pool clients
 * (once per client: `attached` remembers which), for the local tools that
 * count or record their calls. Call it inside an invocation: the clients
 * read their endpoints from its environment.
 */
export function attachToProductClients(
  needs: Needs,
  attached: Set<ProductService>,
  middleware: (service: ProductService) => InitializeMiddleware<object, object> | BuildMiddleware<object, object>,
  options: HandlerOptions & { name: string },
): void {
  const stacks = { dynamodb: needs.table && (() => db().middlewareStack), cognito: needs.portalPool && (() => portalPoolClient().middlewareStack) };
  for (const service of ['dynamodb', 'cognito'] as const) {
    const stack = stacks[service];
    if (!stack || attached.has(service)) continue;
    attached.add(service);
    (stack() as unknown as MiddlewareStack<object, object>).add(middleware(service) as never, options as never);
  }
}
