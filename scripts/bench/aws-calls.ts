import { performance } from 'node:perf_hooks';
import * as cognito from '@aws-sdk/client-cognito-identity-provider';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import type { BuildMiddleware } from '@smithy/types';
import type { Needs } from '../../functions/core/needs.ts';
import { attachToProductClients, type ProductService as Service } from '../local/product-clients.ts';

export interface RecordedCall {
  service: Service;
  command: string;
  input: Record<string, unknown>;
}

/** The clients a replay sends with: made outside the product, pointed at the same local services. */
export interface ReplayClients {
  dynamodb: dynamodb.DynamoDBClient;
  cognito: cognito.CognitoIdentityProviderClient;
}

let recording: RecordedCall[] | undefined;
const attached = new Set<Service>();

/**
 * Records the calls a handler makes to DynamoDB and to the portal pool (a
 * sign-in's Cognito call is as much outside the product as its reads), with SDK
 * middleware on the product's clients (only the bench adds it). Recorded after
 * marshalling, so each call can be replayed as the same low-level request.
 * Call it inside an invocation: the clients read their endpoints from its environment.
 */
export function attachCounter(needs: Needs): void {
  const recorder =
    (service: Service): BuildMiddleware<object, object> =>
    (next, context) =>
    async (args) => {
      recording?.push({ service, command: String(context.commandName), input: structuredClone(args.input as Record<string, unknown>) });
      return next(args);
    };
  attachToProductClients(needs, attached, recorder, { step: 'build', name: 'benchCallCounter' });
}

/** The calls made while `run` runs. */
export async function recordCalls(run: () => Promise<unknown>): Promise<RecordedCall[]> {
  recording = [];
  try {
    await run();
    return recording;
  } finally {
    recording = undefined;
  }
}

const lowLevel: Record<string, string> = {
  Get: 'GetItem',
  Put: 'PutItem',
  Update: 'UpdateItem',
  Delete: 'DeleteItem',
  BatchGet: 'BatchGetItem',
  BatchWrite: 'BatchWriteItem',
  TransactWrite: 'TransactWriteItems',
  TransactGet: 'TransactGetItems',
};

type Commands = Record<string, new (input: unknown) => never>;

/** The same requests made directly with the SDK, one after another: milliseconds for the whole sequence. Refused writes count as the round trip they are. */
export async function replay(clients: ReplayClients, calls: RecordedCall[]): Promise<number> {
  const started = performance.now();
  for (const call of calls) {
    const base = call.command.replace(/Command$/, '');
    if (call.service === 'cognito') {
      const Command = (cognito as unknown as Commands)[`${base}Command`]!;
      await clients.cognito.send(new Command(call.input)).catch(() => undefined);
    } else {
      const Command = (dynamodb as unknown as Commands)[`${lowLevel[base] ?? base}Command`]!;
      await clients.dynamodb.send(new Command(call.input)).catch(() => undefined);
    }
  }
  return performance.now() - started;
}
