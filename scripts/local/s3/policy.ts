import { createHmac } from 'node:crypto';

/** Why S3 refuses a browser upload: its status and error code, as S3 answers them. */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Condition = Record<string, string> | [string, string | number, string | number];

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4 for a POST policy: the signature is over the base64 policy itself, with the key of the credential's scope. */
function expectedSignature(policy: string, credential: string, secretAccessKey: string): string {
  const [, date = '', region = '', service = ''] = credential.split('/');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  return createHmac('sha256', signingKey).update(policy).digest('hex');
}

/**
 * Checks a presigned POST as S3 does: the signature over the policy, the policy's expiry,
 * and each condition against the form (`eq`, `starts-with`, exact fields, `content-length-range`
 * against the file's size). Field names compare case-insensitively, values exactly.
 */
export function checkPolicy(fields: Map<string, string>, fileSize: number, bucket: string, secretAccessKey: string, now = new Date()): void {
  const policy = fields.get('policy');
  const credential = fields.get('x-amz-credential');
  const signature = fields.get('x-amz-signature');
  if (!policy || !credential || !signature) throw new UploadRefused(403, 'AccessDenied', 'The form has no policy or signature.');
  if (expectedSignature(policy, credential, secretAccessKey) !== signature) {
    throw new UploadRefused(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  const document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as { expiration: string; conditions: Condition[] };
  if (new Date(document.expiration) < now) throw new UploadRefused(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
  const formValue = (name: string) => (name.toLowerCase() === 'bucket' ? bucket : (fields.get(name.replace(/^\$/, '').toLowerCase()) ?? ''));
  for (const condition of document.conditions) {
    if (!Array.isArray(condition)) {
      for (const [name, value] of Object.entries(condition)) {
        if (formValue(name) !== value)
          throw new UploadRefused(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "$${name}", "${value}"]`);
      }
      continue;
    }
    const [operator, first, second] = condition;
    if (operator === 'content-length-range') {
      if (fileSize > Number(second)) throw new UploadRefused(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
      if (fileSize < Number(first)) throw new UploadRefused(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.');
    } else if (operator === 'eq' && formValue(String(first)) !== second) {
      throw new UploadRefused(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["eq", "${first}", "${second}"]`);
    } else if (operator === 'starts-with' && !formValue(String(first)).startsWith(String(second))) {
      throw new UploadRefused(403, 'AccessDenied', `Invalid according to Policy: Policy Condition failed: ["starts-with", "${first}", "${second}"]`);
    }
  }
}
