import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';

const SEND_EMAIL = 'POST /v2/email/outbound-emails';

type Feedback = 'bounce' | 'complaint';

interface SendRequest {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  EmailTags?: { Name: string; Value: string }[];
}

/** What SES publishes through a configuration set's SNS destination when a recipient's server bounces the mail for good, or its owner marks it as spam. */
function feedbackNotice(feedback: Feedback, to: string, request: SendRequest, messageId: string): string {
  const timestamp = new Date().toISOString();
  const mail = {
    timestamp,
    messageId,
    source: request.FromEmailAddress,
    destination: [to],
    tags: Object.fromEntries((request.EmailTags ?? []).map((tag) => [tag.Name, [tag.Value]])),
  };
  return JSON.stringify(
    feedback === 'bounce'
      ? { eventType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: to }], timestamp }, mail }
      : { eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: to }], timestamp }, mail },
  );
}

/**
 * Stands between the handlers and the SES emulator and passes every request
 * on, except that a test can make the next sends to one address fail as SES
 * fails a rejected message (400 MessageRejected, which the SDK does not retry):
 * `POST /faults {"to": "…", "count": n}`; or have SES report the next mail to
 * it, once delivered, as bouncing or complained about (`POST /faults {"to": "…",
 * "feedback": "bounce" | "complaint"}`), which `notify` hands on as SNS would;
 * `GET /faults` shows what is left.
 */
export async function startSesFaults(sesUrl: string, notify: (message: string) => Promise<void>): Promise<string> {
  const rejections = new Map<string, number>();
  const feedbacks = new Map<string, Feedback>();

  async function serve(request: IncomingMessage, response: ServerResponse) {
    const body = await readAll(request);
    const route = `${request.method} ${request.url}`;
    if (route === 'POST /faults') {
      const { to, count, feedback } = JSON.parse(body.toString()) as { to: string; count?: number; feedback?: Feedback };
      if (feedback) feedbacks.set(to.toLowerCase(), feedback);
      else rejections.set(to.toLowerCase(), count ?? 1);
      return response.writeHead(204).end();
    }
    if (route === 'GET /faults') return response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(Object.fromEntries(rejections)));
    let reported: { feedback: Feedback; to: string; request: SendRequest } | undefined;
    if (route === SEND_EMAIL) {
      const request = JSON.parse(body.toString()) as SendRequest;
      const to = (request.Destination?.ToAddresses ?? []).map((address) => address.toLowerCase());
      const rejected = to.find((address) => (rejections.get(address) ?? 0) > 0);
      if (rejected) {
        rejections.set(rejected, rejections.get(rejected)! - 1);
        return response
          .writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'MessageRejected' })
          .end(JSON.stringify({ message: 'Rejected by the local fault switch.' }));
      }
      const bouncing = to.find((address) => feedbacks.has(address));
      if (bouncing) {
        reported = { feedback: feedbacks.get(bouncing)!, to: bouncing, request };
        feedbacks.delete(bouncing);
      }
    }
    const upstream = forward(`${sesUrl}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      if (!reported) return answer.pipe(response);
      const { feedback, to, request: sent } = reported;
      readAll(answer).then((answered) => {
        response.end(answered);
        // SES reports a bounce a moment after it accepted the mail.
        const { MessageId } = JSON.parse(answered.toString() || '{}') as { MessageId?: string };
        if (answer.statusCode === 200) notify(feedbackNotice(feedback, to, sent, MessageId ?? 'local')).catch(() => undefined);
      });
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
