import { defineConfig } from 'vitest/config';

// Four projects: unit (pure logic, no services), stack (CDK synth + cdk-nag),
// integration (handlers over HTTP against DynamoDB Local, cognito-local and the SES emulator), and the ledger model, alone after them.
const LEDGER_MODEL = 'test/integration/ledger-model.test.ts';

/** Handlers over HTTP against the local runtime the global setup starts. */
const integration = {
  globalSetup: ['test/support/global-setup.ts'],
  // The SDK clients tests use against the local services sign with these.
  env: {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  },
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      { test: { name: 'stack', include: ['test/stack/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000, sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: [LEDGER_MODEL],
          ...integration,
          sequence: { groupOrder: 0 },
        },
      },
      // The ledger's model drives four chains of payments at once through one runtime: alone, after the rest, so it neither starves nor is starved.
      { test: { name: 'ledger-model', include: [LEDGER_MODEL], ...integration, sequence: { groupOrder: 1 } } },
    ],
  },
});
