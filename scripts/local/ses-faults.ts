import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';

const SEND_EMAIL = 'POST /v2/email/outbound-emails';

/**
 * Stands between the handlers and the SES emulator and passes every request
 * on, except that a test can make the next sends to one address fail as SES
 * fails a rejected message (400 MessageRejected, which the SDK does not retry):
 * `POST /faults {"to": "…", "count": n}`; `GET /faults` shows what is left.
 */
export async function startSesFaults(sesUrl: string): Promise<string> {
  const rejections = new Map<string, number>();

  async function serve(request: IncomingMessage, response: ServerResponse) {
    const body = await readAll(request);
    const route = `${request.method} ${request.url}`;
    if (route === 'POST /faults') {
      const { to, count } = JSON.parse(body.toString()) as { to: string; count: number };
      rejections.set(to.toLowerCase(), count);
      return response.writeHead(204).end();
    }
    if (route === 'GET /faults') return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Object.fromEntries(rejections)));
    if (route === SEND_EMAIL) {
      const to = ((JSON.parse(body.toString()) as { Destination?: { ToAddresses?: string[] } }).Destination?.ToAddresses ?? []).map((address) =>
        address.toLowerCase(),
      );
      const rejected = to.find((address) => (rejections.get(address) ?? 0) > 0);
      if (rejected) {
        rejections.set(rejected, rejections.get(rejected)! - 1);
        return response
          .writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'MessageRejected' })
          .end(JSON.stringify({ message: 'Rejected by the local fault switch.' }));
      }
    }
    const upstream = forward(`${sesUrl}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    upstream.end(body);
  }

  const server = createServer((request, response) => {
    serve(request, response).catch(() => response.writeHead(400).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

function readAll(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
