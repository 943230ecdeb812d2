import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Key } from './keys.ts';

/**
 * An update that sets `fields` and bumps `version`, only if the item still has
 * `expectedVersion`: a writer that read a stale copy fails instead of overwriting.
 */
export function versionedUpdate(
  table: string,
  key: Key,
  fields: Record<string, unknown>,
  expectedVersion: number,
): UpdateCommandInput & { UpdateExpression: string; ConditionExpression: string } {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion, ':one': 1 };
  const assignments = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([field, value], index) => {
      names[`#f${index}`] = field;
      values[`:v${index}`] = value;
      return `#f${index} = :v${index}`;
    });
  return {
    TableName: table,
    Key: key,
    UpdateExpression: `SET ${[...assignments, '#version = #version + :one'].join(', ')}`,
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
