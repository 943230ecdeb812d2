import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseMultipart } from './multipart.ts';
import { checkPolicy, UploadRefused } from './policy.ts';

export interface S3DoubleOptions {
  port: number;
  /** The one bucket it holds (the stack's logo bucket). */
  bucket: string;
  /** What the SDK signs with locally: a presigned POST's signature is checked with it. */
  secretAccessKey: string;
}

interface StoredObject {
  body: Buffer;
  contentType: string;
  etag: string;
}

const errorXml = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message.replace(/[<&>]/g, ' ')}</Message></Error>`;

function sendError(response: ServerResponse, status: number, code: string, message: string, head = false): void {
  response.writeHead(status, { 'content-type': 'application/xml' });
  response.end(head ? undefined : errorXml(code, message));
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Bodies the SDK sends `aws-chunked` (with a trailing checksum): `<hex size>[;…]\r\n<data>\r\n` … `0\r\n<trailers>`. */
function decodeAwsChunked(body: Buffer): Buffer {
  const pieces: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', at);
    const size = Number.parseInt(body.subarray(at, lineEnd).toString().split(';')[0] ?? '0', 16);
    if (!size) return Buffer.concat(pieces);
    pieces.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * A small S3 for the local runtime, path-style (`/<bucket>/<key>`): the browser form of a presigned POST (its
 * policy's signature, expiry, key and size range checked as S3 does), and PutObject, GetObject, HeadObject and
 * DeleteObject for the SDK. Objects live in memory for the life of the process.
 */
export function startS3Double(options: S3DoubleOptions): Promise<{ url: string; server: Server }> {
  const objects = new Map<string, StoredObject>();
  const put = (key: string, body: Buffer, contentType: string) => {
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    objects.set(key, { body, contentType, etag });
    return etag;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://s3.local');
    const [, bucket = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const method = request.method ?? 'GET';
    if (bucket !== options.bucket) return sendError(response, 404, 'NoSuchBucket', 'The specified bucket does not exist', method === 'HEAD');
    const body = await readBody(request);

    if (method === 'POST' && key === '') {
      const parts = parseMultipart(body, request.headers['content-type'] ?? '');
      const file = parts.find((part) => part.name === 'file');
      if (!file) return sendError(response, 400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
      const fields = new Map(parts.filter((part) => part !== file).map((part) => [part.name.toLowerCase(), part.data.toString('utf8')]));
      try {
        checkPolicy(fields, file.data.length, bucket, options.secretAccessKey);
      } catch (error) {
        if (error instanceof UploadRefused) return sendError(response, error.status, error.code, error.message);
        throw error;
      }
      const objectKey = fields.get('key') ?? '';
      const etag = put(objectKey, file.data, fields.get('content-type') ?? 'binary/octet-stream');
      response.writeHead(204, { etag, location: `/${bucket}/${objectKey}` });
      return void response.end();
    }
    if (method === 'PUT' && key) {
      const chunked = String(request.headers['content-encoding'] ?? '').includes('aws-chunked');
      const etag = put(key, chunked ? decodeAwsChunked(body) : body, request.headers['content-type'] ?? 'binary/octet-stream');
      response.writeHead(200, { etag });
      return void response.end();
    }
    if ((method === 'GET' || method === 'HEAD') && key) {
      const object = objects.get(key);
      if (!object) return sendError(response, 404, 'NoSuchKey', 'The specified key does not exist.', method === 'HEAD');
      response.writeHead(200, { 'content-type': object.contentType, 'content-length': object.body.length, etag: object.etag });
      return void response.end(method === 'HEAD' ? undefined : object.body);
    }
    if (method === 'DELETE' && key) {
      objects.delete(key);
      response.writeHead(204);
      return void response.end();
    }
    sendError(response, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendError(response, 500, 'InternalError', (error as Error).message));
  });
  return new Promise((resolve) => server.listen(options.port, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${options.port}`, server })));
}
