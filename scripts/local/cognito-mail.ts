import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

/**
 * Cognito emails password-reset codes itself; cognito-local only logs them.
 * Its launcher (cognito-local.cjs) prints each as one JSON line on stdout,
 * `{"delivery": "<the logged box>"}`; this relays each to the SES emulator as
 * the mail Cognito would send, so the local mailbox shows what a person
 * receives on AWS (and tests read codes from there, like every other mail).
 */
export function relayCodeDeliveries(sesUrl: string): (output: string, stream?: string) => void {
  const ses = new SESv2Client({ endpoint: sesUrl, region: 'us-east-1' });
  let partial = '';
  return (output, stream = 'stdout') => {
    if (stream !== 'stdout') return;
    const lines = (partial + output).split('\n');
    // A chunk may end inside a line: the rest comes with the next one.
    partial = lines.pop()!;
    for (const line of lines) {
      const delivery = parseDelivery(line);
      if (delivery) void send(ses, delivery.destination, delivery.code);
    }
  };
}

function parseDelivery(line: string): { destination: string; code: string } | undefined {
  if (!line.startsWith('{')) return undefined;
  const { delivery } = JSON.parse(line) as { delivery?: string };
  const fields = delivery && /Destination:\s+(\S+)[\s\S]*?Code:\s+(\S+)/.exec(delivery);
  return fields ? { destination: fields[1]!, code: fields[2]! } : undefined;
}

async function send(ses: SESv2Client, destination: string, code: string): Promise<void> {
  try {
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'no-reply@verificationemail.com',
        Destination: { ToAddresses: [destination] },
        Content: { Simple: { Subject: { Data: 'Your verification code' }, Body: { Text: { Data: `Your confirmation code is ${code}` } } } },
      }),
    );
  } catch (error) {
    process.stderr.write(`relaying a Cognito code failed: ${(error as Error).message}\n`);
  }
}
