import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayCodeDeliveries } from '../../scripts/local/cognito-mail.ts';

/** As cognito-local's launcher prints a code it would have mailed: its logged box, as one JSON line. */
const delivery = (destination: string, code: string) =>
  `${JSON.stringify({
    delivery: [
      '╭──────────────────────────────────────╮',
      '│   Confirmation Code Delivery         │',
      '│   Username:    user-1                │',
      `│   Destination: ${destination}        │`,
      `│   Code:        ${code}               │`,
      '╰──────────────────────────────────────╯',
    ].join('\n'),
  })}\n`;

const sent: { to: string; text: string }[] = [];
let sesUrl = '';
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const mail = JSON.parse(body);
    sent.push({ to: mail.Destination.ToAddresses[0], text: mail.Content.Simple.Body.Text.Data });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ MessageId: 'm' }));
  });
});
beforeAll(async () => {
  // The relay's SES client signs its requests; any credentials do for a local endpoint.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sesUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());

const until = async (count: number) => {
  for (let tries = 0; sent.length < count && tries < 200; tries++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("relaying cognito-local's printed codes as mail", () => {
  it('relays each delivery once: several in one chunk, one split across chunks, and nothing from the error stream', async () => {
    sent.length = 0;
    const relay = relayCodeDeliveries(`${sesUrl}`);
    relay(`${delivery('a@example.test', '111111')}${delivery('b@example.test', '222222')}`);
    const split = delivery('c@example.test', '333333');
    // Split in the middle of its address, with an error line arriving on the other stream in between.
    const cut = split.indexOf('c@example') + 3;
    relay(split.slice(0, cut), 'stdout');
    relay(`cognito-local failed: ${delivery('d@example.test', '444444')}`, 'stderr');
    relay(split.slice(cut), 'stdout');
    await until(3);
    // Sent side by side: they arrive in any order.
    expect(sent.toSorted((a, b) => a.to.localeCompare(b.to))).toEqual([
      { to: 'a@example.test', text: 'Your confirmation code is 111111' },
      { to: 'b@example.test', text: 'Your confirmation code is 222222' },
      { to: 'c@example.test', text: 'Your confirmation code is 333333' },
    ]);
  });
});
