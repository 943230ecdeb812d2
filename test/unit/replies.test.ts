import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import type { HttpEvent } from '../../functions/core/http/event.ts';
import { http } from '../../functions/core/http/handler.ts';
import { toResponse, UndeclaredReply } from '../../functions/core/http/replies.ts';
import { file, ok, unchecked } from '../../functions/core/http/responses.ts';
import { pdfReply } from '../../functions/core/route-spec.ts';
import { page } from '../../functions/core/shapes.ts';
import { logLinesOf } from '../support/log-lines.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const Item = z.object({ id: z.string(), author: z.object({ name: z.string() }), tags: z.array(z.object({ label: z.string() })) });
const replies = { 200: page(Item), 204: null, 201: pdfReply };

describe('replies: only declared fields leave', () => {
  it('strips undeclared fields at every depth', () => {
    const stored = { id: 'a', stripeSecret: 'sk_live', author: { name: 'Ann', passwordHash: 'x' }, tags: [{ label: 't', internal: 1 }] };
    const response = toResponse(ok({ items: [stored], nextCursor: null, orgId: 'org_1' }), replies);
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({ 'content-type': 'application/json', 'cache-control': 'no-store' });
    expect(JSON.parse(response.body!)).toEqual({ items: [{ id: 'a', author: { name: 'Ann' }, tags: [{ label: 't' }] }], nextCursor: null });
  });

  it('refuses a body that does not match its schema, naming paths but no values', () => {
    const answer = () => toResponse(ok({ items: [{ id: 'a', author: { name: 'sk_live_secret' } }], nextCursor: null }), replies);
    expect(answer).toThrow(UndeclaredReply);
    expect(answer).toThrow('items.0.tags invalid_type');
    expect(answer).not.toThrow(/sk_live_secret/);
  });

  it('refuses an undeclared status, a body where none is declared, and the wrong raw content type', () => {
    expect(() => toResponse({ status: 202, body: {} }, replies)).toThrow(UndeclaredReply);
    expect(() => toResponse({ status: 204, body: {} }, replies)).toThrow(UndeclaredReply);
    expect(() => toResponse(file(Buffer.from('x'), 'text/plain', 'x.txt'), { 200: pdfReply })).toThrow(UndeclaredReply);
    expect(() => toResponse(ok({}))).toThrow(UndeclaredReply);
  });

  it('sends no body for 204 and raw bodies as they are', () => {
    expect(toResponse({ status: 204 }, replies)).toEqual({ statusCode: 204, headers: { 'cache-control': 'no-store' } });
    const pdf = toResponse({ ...file(Buffer.from('%PDF-'), 'application/pdf', 'a.pdf'), status: 201 }, replies);
    expect(pdf).toMatchObject({ statusCode: 201, isBase64Encoded: true, body: Buffer.from('%PDF-').toString('base64') });
    expect(pdf.headers).toMatchObject({ 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="a.pdf"' });
  });

  it('answers a result that fails its schema with a 500 and logs where, never what', async () => {
    const handler = http({ auth: 'none', responses: { 200: z.object({ id: z.string() }) } }, async () => ok(unchecked({ id: 42, secret: 'sk_live_secret' })));
    const event = { rawPath: '/x', routeKey: 'GET /x', requestContext: { http: { method: 'GET' } }, headers: {} } as unknown as HttpEvent;
    let response: APIGatewayProxyStructuredResultV2 | undefined;
    const lines = await logLinesOf(async () => {
      response = await handler(event, { awsRequestId: 'request-1' } as Context);
    });
    expect(response?.statusCode).toBe(500);
    expect(JSON.parse(response!.body!)).toEqual({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.' } });
    const logged = JSON.stringify(lines);
    expect(logged).toContain('UndeclaredReply');
    expect(logged).toContain('status 200 body: id invalid_type');
    expect(logged).not.toContain('sk_live_secret');
  });
});
