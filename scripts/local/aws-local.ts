/** SDK client settings for the local emulators: they accept any credentials, the SDK only needs some to sign with. */
export const localClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

// Lambda runs Node 22; the SDK's notice about Node 20 concerns only local processes.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
