import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

/**
 * Cognito emails password-reset codes itself; cognito-local only prints them
 * on its console. This relays each printed code to the SES emulator as the
 * mail Cognito would send, so the local mailbox shows what a person receives
 * on AWS (and tests read codes from there, like every other mail).
 */
export function relayCodeDeliveries(sesUrl: string): (output: string) => void {
  const ses = new SESv2Client({ endpoint: sesUrl, region: 'us-east-1' });
  let pending = '';
  return (output) => {
    // Colour codes and box drawing around the fields are cognito-local's pretty printing.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape character starts each colour code.
    pending += output.replace(/\u001b\[[0-9;]*m/g, '');
    // One chunk of output may hold several deliveries (concurrent resets): relay each.
    for (let delivery = nextDelivery(pending); delivery; delivery = nextDelivery(pending)) {
      pending = pending.slice(delivery.index + delivery[0].length);
      const [, destination, code] = delivery;
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
    const header = pending.lastIndexOf(DELIVERY_HEADER);
    pending = header >= 0 ? pending.slice(header) : pending.slice(-DELIVERY_HEADER.length);
  };
}

const DELIVERY_HEADER = 'Confirmation Code Delivery';

const nextDelivery = (output: string) => /Confirmation Code Delivery[\s\S]*?Destination:\s+(\S+)[\s\S]*?Code:\s+(\S+)[\s\S]*?╰/.exec(output);
