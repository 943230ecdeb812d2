import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

const handlers = new Map<string, Promise<unknown>>();

/** A handler entry's `handler` export, imported once per process, as Lambda keeps a warm container. */
export function loadHandler<H>(entry: string): Promise<H> {
  if (!handlers.has(entry))
    handlers.set(
      entry,
      import(`../../functions/${entry}.ts`).then((module) => module.handler),
    );
  return handlers.get(entry) as Promise<H>;
}

/** The Lambda context a handler gets for one invocation. */
export function lambdaContext(entry: string): Context {
  return {
    awsRequestId: randomUUID(),
    functionName: entry,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${entry}`,
    memoryLimitInMB: '512',
    logGroupName: `/aws/lambda/${entry}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 29_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
