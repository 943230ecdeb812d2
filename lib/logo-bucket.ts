import { Duration, RemovalPolicy, type Stack, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { LOGO_UPLOAD_PREFIX } from '../functions/core/branding/logo-keys.ts';

/**
 * The private bucket of organizations' logos (docs/branding.md): staff's browsers put an upload under
 * `uploads/` with a presigned POST, Portico checks its bytes and keeps a confirmed logo under `logos/`;
 * nobody reads it but Portico, which serves the logo from the portal's address and embeds it in PDFs.
 * Uploads never confirmed are removed after a day.
 */
export function createLogoBucket(stack: Stack, props: { retain: boolean }): Bucket {
  const bucket = new Bucket(stack, 'Logos', {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    versioned: false,
    removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: false,
    lifecycleRules: [
      { id: 'unconfirmed-uploads', prefix: LOGO_UPLOAD_PREFIX, expiration: Duration.days(1) },
      { id: 'abandoned-multipart', abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
    // The staff web app posts the form from the browser; the signed policy, not the origin, decides what is accepted.
    cors: [{ allowedMethods: [HttpMethods.POST], allowedOrigins: ['*'], allowedHeaders: ['*'], maxAge: 3000 }],
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason: 'Logos are small, public-facing images only Portico reads; server access logs would cost more than they tell. CloudTrail records the API calls.',
  });
  const bucketId = stack.resolve((bucket.node.defaultChild as CfnBucket).logicalId) as string;
  Validations.of(stack).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
    reason:
      "The logo needs grant object actions on the logo bucket's objects (`<arn>/*`): a logo's key is named by its content hash, unknown until it is uploaded. The bucket holds nothing but logos.",
  });
  return bucket;
}
