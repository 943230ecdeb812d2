import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { isNegotiatedReply, isRawReply, type Replies, rawContentTypes, type Schema } from '../route-spec.ts';
import type { HttpResult } from './responses.ts';

type Headers = Record<string, string> | undefined;

/**
 * What a handler must return for its declared replies: for a JSON reply, a body
 * the schema accepts (so a missing field is a type error, not a 500).
 */
export type ResultFor<R extends Replies | undefined> = R extends Replies
  ? {
      [S in keyof R & number]: R[S] extends null
        ? { status: S; headers?: Headers }
        : R[S] extends Schema
          ? { status: S; body: z.input<R[S]>; headers?: Headers }
          : R[S] extends { json: infer J extends Schema }
            ? { status: S; body: z.input<J>; headers?: Headers } | HttpResult
            : HttpResult;
    }[keyof R & number]
  : never;

/** A handler's answer that its route does not declare: our bug, so it becomes a 500 and never reaches the caller. */
export class UndeclaredReply extends Error {
  override readonly name = 'UndeclaredReply';
}

/**
 * Turns a handler's result into the API Gateway response through the route's
 * declared reply: JSON bodies are parsed by their schema once, so only
 * declared fields leave (objects strip unknown keys at every depth).
 */
export function toResponse(result: HttpResult, replies: Replies = {}): APIGatewayProxyStructuredResultV2 {
  const reply = replies[result.status];
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...result.headers };
  if (reply === undefined) throw new UndeclaredReply(`status ${result.status} is not declared`);
  if (reply === null) {
    if (result.body !== undefined || result.raw) throw new UndeclaredReply(`status ${result.status} declares no body`);
    return { statusCode: result.status, headers };
  }
  const rawTypes = isRawReply(reply) ? rawContentTypes(reply) : isNegotiatedReply(reply) && result.raw ? reply.alternatives : undefined;
  if (rawTypes) {
    // A declared range (`image/*`) admits any type within it.
    if (!result.raw || !rawTypes.some((type) => result.raw?.contentType.startsWith(type.replace(/\*$/, '')))) {
      throw new UndeclaredReply(`status ${result.status} declares ${rawTypes.join(', ')}`);
    }
    const isText = typeof result.raw.content === 'string';
    return {
      statusCode: result.status,
      headers: { ...headers, 'content-type': result.raw.contentType },
      body: isText ? (result.raw.content as string) : (result.raw.content as Buffer).toString('base64'),
      isBase64Encoded: !isText,
    };
  }
  const schema = isNegotiatedReply(reply) ? reply.json : (reply as Schema);
  const parsed = schema.safeParse(result.body);
  // Paths and codes only: the values may be exactly what must not leak, into logs included.
  if (!parsed.success)
    throw new UndeclaredReply(`status ${result.status} body: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.code}`).join('; ')}`);
  return { statusCode: result.status, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(parsed.data) };
}
