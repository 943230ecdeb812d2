import type { DocumentStatus } from './status.ts';
import { storedStatusesShowing } from './status.ts';

export interface Filter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** Past its date on `:today`: an estimate past expiry, or an invoice with a balance past its due date. */
const PAST = '((#kind = :estimate AND #expiryDate < :today) OR (#kind <> :estimate AND #dueDate < :today AND #balance > :zero))';
const dateNames = { '#kind': 'kind', '#expiryDate': 'expiryDate', '#dueDate': 'dueDate', '#balance': 'balance' };

/**
 * The DynamoDB filter that selects documents whose effective status
 * (`effectiveStatus`) is `status` on `today`: stored statuses plus, for the
 * derived ones, the same date rule written as a condition.
 */
export function statusFilter(status: DocumentStatus, today: string): Filter {
  const { statuses, dated } = storedStatusesShowing(status);
  const placeholders = statuses.map((_, index) => `:status${index}`);
  const values: Record<string, unknown> = Object.fromEntries(statuses.map((stored, index) => [`:status${index}`, stored]));
  const parts = [`#status IN (${placeholders.join(', ')})`];
  const names: Record<string, string> = { '#status': 'status' };
  if (dated) {
    Object.assign(names, dateNames);
    Object.assign(values, { ':estimate': 'estimate', ':today': today, ':zero': 0 });
    parts.push(dated === 'past' ? PAST : `NOT ${PAST}`);
    if (status === 'overdue') parts.push('#kind <> :estimate');
    if (status === 'expired') parts.push('#kind = :estimate');
  }
  return { expression: parts.join(' AND '), names, values };
}

/** Filters joined with AND; undefined when there are none. */
export function allOf(filters: Filter[]): Filter | undefined {
  if (filters.length === 0) return undefined;
  return {
    expression: filters.map((filter) => `(${filter.expression})`).join(' AND '),
    names: Object.assign({}, ...filters.map((filter) => filter.names)),
    values: Object.assign({}, ...filters.map((filter) => filter.values)),
  };
}

export const equals = (attribute: string, value: string): Filter => ({
  expression: `#eq_${attribute} = :eq_${attribute}`,
  names: { [`#eq_${attribute}`]: attribute },
  values: { [`:eq_${attribute}`]: value },
});
