import { performance } from 'node:perf_hooks';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import { db } from '../../functions/core/db/client.ts';

export interface RecordedCall {
  command: string;
  input: Record<string, unknown>;
}

let recording: RecordedCall[] | undefined;
let attached = false;

/**
 * Counts the DynamoDB calls a handler makes, with SDK middleware on the
 * product's document client (only the bench adds it). Recorded after
 * marshalling, so each call can be replayed as the same low-level request.
 */
export function attachCounter(): void {
  if (attached) return;
  attached = true;
  db().middlewareStack.add(
    (next, context) => async (args) => {
      recording?.push({ command: String(context.commandName), input: structuredClone(args.input as Record<string, unknown>) });
      return next(args);
    },
    { step: 'build', name: 'benchCallCounter' },
  );
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

/** The same requests made directly with the SDK, one after another: milliseconds for the whole sequence. Refused writes count as the round trip they are. */
export async function replay(client: dynamodb.DynamoDBClient, calls: RecordedCall[]): Promise<number> {
  const started = performance.now();
  for (const call of calls) {
    const base = call.command.replace(/Command$/, '');
    const Command = (dynamodb as unknown as Record<string, new (input: unknown) => dynamodb.GetItemCommand>)[`${lowLevel[base] ?? base}Command`]!;
    await client.send(new Command(call.input)).catch(() => undefined);
  }
  return performance.now() - started;
}
