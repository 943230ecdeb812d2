import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  type: string;
  body: { id: string; type: string; createdAt: string; orgId: string; data: Record<string, unknown> };
  /** Which of the receiver's secrets verified it. */
  verifiedWith: number[];
  answered: number;
}

/**
 * A business's receiver on the loopback address: verifies every request with
 * the `standardwebhooks` package against each secret it knows, answers what
 * the test scripts (one status per request, then 200), and keeps what it saw.
 */
export async function startReceiver() {
  const secrets: string[] = [];
  const script: number[] = [];
  const received: Received[] = [];
  const unverified: IncomingHttpHeaders[] = [];
  let redirect = '';
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const payload = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      const verifiedWith = secrets.flatMap((secret, index) => {
        try {
          new Webhook(secret).verify(payload, headers);
          return [index];
        } catch {
          return [];
        }
      });
      if (verifiedWith.length === 0) unverified.push(request.headers);
      if (request.url === '/redirect') {
        response.writeHead(302, { location: redirect }).end();
        return;
      }
      const answered = request.url === '/gone' ? 410 : (script.shift() ?? 200);
      const body = JSON.parse(payload) as Received['body'];
      received.push({ id: headers['webhook-id']!, type: body.type, body, verifiedWith, answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/hooks') => `http://127.0.0.1:${port}${path}`,
    secrets,
    received,
    unverified,
    /** Where `/redirect` sends the next requests. */
    redirectTo: (location: string) => {
      redirect = location;
    },
    /** The statuses the next requests get, in order. */
    answerNext: (...statuses: number[]) => script.push(...statuses),
    accepted: (type: string) => received.filter((entry) => entry.type === type && entry.answered < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
