import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import type { InitializeMiddleware } from '@smithy/types';
import type { InvokeWithEnvironment } from './function-environment.ts';
import { attachToProductClients, type ProductService } from './product-clients.ts';

/** What AWS bills a deployment for, counted while the local runtime served requests and ran consumers. */
export interface Usage {
  /** Requests through the gateway: API Gateway requests, and as many Lambda invocations of the API's functions. */
  apiRequests: number;
  /** Invocations by the stream's event source mapping. */
  consumerInvocations: number;
  /** Lambda bills each invocation's duration rounded up to the millisecond. */
  billedMs: number;
  /** Read and write request units as DynamoDB reports them (`ReturnConsumedCapacity: TOTAL`, index writes included). */
  readUnits: number;
  writeUnits: number;
  /** Writes refused by their condition: billed a write unit each, but an error carries no consumed capacity. */
  refusedWrites: number;
  /** Calls to the portal pool that authenticate someone (sign-in, refresh, a challenge answered): what makes a person active in a month. */
  portalAuthentications: number;
}

const empty = (): Usage => ({
  apiRequests: 0,
  consumerInvocations: 0,
  billedMs: 0,
  readUnits: 0,
  writeUnits: 0,
  refusedWrites: 0,
  portalAuthentications: 0,
});

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;
const AUTHENTICATIONS = new Set(['InitiateAuthCommand', 'RespondToAuthChallengeCommand']);

/**
 * Counts, in the local runtime's process, what the same traffic would be
 * billed for on AWS: it wraps the invokers and adds SDK middleware to the
 * product's DynamoDB and portal-pool clients (asking DynamoDB to report
 * consumed capacity, which changes nothing the product reads).
 */
export function usageMeter() {
  let usage = empty();
  const attached = new Set<ProductService>();

  const count =
    (service: ProductService): InitializeMiddleware<object, object> =>
    (next, context) =>
    async (args) => {
      const command = String(context.commandName);
      if (service === 'cognito') {
        if (AUTHENTICATIONS.has(command)) usage.portalAuthentications++;
        return next(args);
      }
      try {
        const result = await next({ ...args, input: { ReturnConsumedCapacity: 'TOTAL', ...args.input } });
        const reported = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
        const units = [reported ?? []].flat().reduce((sum, capacity) => sum + (capacity.CapacityUnits ?? 0), 0);
        if (WRITES.test(command)) usage.writeUnits += units;
        else usage.readUnits += units;
        return result;
      } catch (error) {
        if (WRITES.test(command)) usage.refusedWrites++;
        throw error;
      }
    };

  // The clients read their endpoints from the invocation's environment: attached inside the first invocation that has them.
  const attach = (needs: Parameters<InvokeWithEnvironment>[0]) => attachToProductClients(needs, attached, count, { step: 'initialize', name: 'usageMeter' });

  /** `invoke`, counted as the API's or a consumer's invocations. */
  const invoker =
    (kind: 'api' | 'consumer', invoke: InvokeWithEnvironment): InvokeWithEnvironment =>
    (needs, run) =>
      invoke(needs, () => {
        attach(needs);
        if (kind === 'api') usage.apiRequests++;
        else usage.consumerInvocations++;
        const started = performance.now();
        const billed = () => {
          usage.billedMs += Math.ceil(performance.now() - started);
        };
        const result = run();
        if (result instanceof Promise) return result.finally(billed) as typeof result;
        billed();
        return result;
      });

  /** `GET /usage` answers the counts so far; `DELETE /usage` starts them again. Returns the server's URL. */
  const serve = async (): Promise<string> => {
    const server = createServer((request, response) => {
      if (request.url !== '/usage') return response.writeHead(404).end();
      if (request.method === 'DELETE') usage = empty();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(usage));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  };

  return { invoker, serve };
}
