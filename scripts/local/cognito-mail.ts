import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

/**
 * Cognito emails password-reset codes itself; cognito-local only prints them
 * on its console. This relays each printed code to the SES emulator as the
 * mail Cognito would send, so the local mailbox shows what a person receives
 * on AWS (and tests read codes from there, like every other mail).
 */
export function relayCodeDeliveries(sesUrl: string): (output: string, stream?: string) => void {
  const ses = new SESv2Client({ endpoint: sesUrl, region: 'us-east-1' });
  // Per stream: a box printed on one is never cut by the other's lines.
  const pendingOf = new Map<string, string>();
  return (output, stream = 'stdout') => {
    // Colour codes and box drawing around the fields are cognito-local's pretty printing.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts each colour code.
    let pending = (pendingOf.get(stream) ?? '') + output.replace(/\u001b\[[0-9;]*m/g, '');
    // Each delivery is a box that opens with the header and closes with `╰`; one chunk may hold several
    // (concurrent resets) or part of one. Every box but the last is whole; the last waits for its end.
    const boxes = pending.split(DELIVERY_HEADER).slice(1);
    const open = boxes.length > 0 && !boxes.at(-1)!.includes('╰') ? boxes.pop() : undefined;
    for (const box of boxes) {
      const fields = /Destination:\s+(\S+)[\s\S]*?Code:\s+(\S+)/.exec(box);
      if (!fields) continue;
      const [, destination, code] = fields;
      void ses
        .send(
          new SendEmailCommand({
            FromEmailAddress: 'no-reply@verificationemail.com',
            Destination: { ToAddresses: [destination!] },
            Content: { Simple: { Subject: { Data: 'Your verification code' }, Body: { Text: { Data: `Your confirmation code is ${code}` } } } },
          }),
        )
        .catch((error: Error) => process.stderr.write(`relaying a Cognito code failed: ${error.message}\n`));
    }
    // Keep only what may still become a delivery: cognito-local logs every request, and searching all of it
    // again on each chunk grew slower through a long run until codes arrived too late.
    pending = open === undefined ? pending.slice(-DELIVERY_HEADER.length) : DELIVERY_HEADER + open;
    pendingOf.set(stream, pending);
  };
}

const DELIVERY_HEADER = 'Confirmation Code Delivery';
