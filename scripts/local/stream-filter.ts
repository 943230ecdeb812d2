import type { FilterPattern } from '../../functions/core/consumers.ts';

/** Lambda's event filtering, for the rules the consumer table uses: every field present, with one of its listed values. */
export function matchesFilter(pattern: FilterPattern, value: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.includes(value as string);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(pattern).every(([field, rule]) => matchesFilter(rule, (value as Record<string, unknown>)[field]));
}
