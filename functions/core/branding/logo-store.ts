import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { config, region } from '../config.ts';

let client: S3Client | undefined;
// Checksums only where S3 requires them: plain bodies, which the local double reads as S3 does.
const s3 = () => {
  const { S3_ENDPOINT } = config('logoBucket');
  client ??= new S3Client({
    region: region(),
    ...(S3_ENDPOINT && { endpoint: S3_ENDPOINT, forcePathStyle: true }),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return client;
};
const bucket = () => config('logoBucket').LOGO_BUCKET;

/** A browser form that may put one object at `key`: at most `maxBytes`, an `image/…` content type, within `expiresSeconds`. */
export async function presignUpload(key: string, maxBytes: number, expiresSeconds: number): Promise<{ url: string; fields: Record<string, string> }> {
  return createPresignedPost(s3(), {
    Bucket: bucket(),
    Key: key,
    Conditions: [
      ['content-length-range', 1, maxBytes],
      ['starts-with', '$Content-Type', 'image/'],
    ],
    Expires: expiresSeconds,
  });
}

/** An object's bytes, or undefined when there is none; one larger than `maxBytes` is not read (`tooLarge`). */
export async function readObject(key: string, maxBytes: number): Promise<Buffer | 'tooLarge' | undefined> {
  try {
    const { Body, ContentLength } = await s3().send(new GetObjectCommand({ Bucket: bucket(), Key: key }));
    if (ContentLength !== undefined && ContentLength > maxBytes) {
      (Body as { destroy?: () => void } | undefined)?.destroy?.();
      return 'tooLarge';
    }
    return Buffer.from((await Body?.transformToByteArray()) ?? []);
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

export async function putObject(key: string, body: Buffer, contentType: string): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: bucket(), Key: key, Body: body, ContentType: contentType }));
}

export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}
