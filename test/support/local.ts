import { inject } from 'vitest';

/** The running local runtime's addresses (see test/support/global-setup.ts). */
export const local = () => inject('local');

/** Points the domain code a test runs at the local runtime's table, as start.ts does for the handlers. */
export function useLocalTable() {
  const { endpoint, tableName } = local().dynamodb;
  process.env.TABLE_NAME ??= tableName;
  process.env.DYNAMODB_ENDPOINT ??= endpoint;
}
