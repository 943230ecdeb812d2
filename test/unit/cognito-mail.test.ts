import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayCodeDeliveries } from '../../scripts/local/cognito-mail.ts';

/** As cognito-local prints a code it would have mailed. */
const box = (destination: string, code: string) =>
  [
    '╭──────────────────────────────────────╮',
    '│   Confirmation Code Delivery         │',
    '│   Username:    user-1                │',
    `│   Destination: ${destination}        │`,
    `│   Code:        ${code}               │`,
    '╰──────────────────────────────────────╯',
    '',
  ].join('\n');

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
  it('relays each box once: several in one chunk, one split across chunks while the other stream writes, among other log lines', async () => {
    sent.length = 0;
    const relay = relayCodeDeliveries(`${sesUrl}`);
    relay(`request logged\n${box('a@example.test', '111111')}${box('b@example.test', '222222')}`);
    const split = box('c@example.test', '333333');
    // Split in the middle of its address, with the other stream's lines arriving in between.
    const cut = split.indexOf('c@example') + 3;
    relay(`another log line\n${split.slice(0, cut)}`, 'stdout');
    relay('a request logged on the other stream\n', 'stderr');
    relay(`${split.slice(cut)}more log\n`, 'stdout');
    relay('noise without deliveries\n'.repeat(50));
    await until(3);
    // Sent side by side: they arrive in any order.
    expect(sent.toSorted((a, b) => a.to.localeCompare(b.to))).toEqual([
      { to: 'a@example.test', text: 'Your confirmation code is 111111' },
      { to: 'b@example.test', text: 'Your confirmation code is 222222' },
      { to: 'c@example.test', text: 'Your confirmation code is 333333' },
    ]);
  });
});
