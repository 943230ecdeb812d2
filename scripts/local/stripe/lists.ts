import * as z from 'zod';
import { resourceMissing } from './errors.ts';
import { integer } from './params.ts';

export interface StripeList<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** The paging parameters every Stripe list takes. */
export const pagingParams = {
  limit: z.optional(integer.refine((limit) => limit >= 1 && limit <= 100, 'Limit must be between 1 and 100')),
  starting_after: z.optional(z.string()),
  ending_before: z.optional(z.string()),
};

interface Paging {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
}

/** One page of `items` (already in Stripe's order, newest first): `limit` items after `starting_after` or before `ending_before`. */
export function page<T extends { id: string }>(items: T[], paging: Paging, url: string, objectName: string): StripeList<T> {
  const limit = paging.limit ?? 10;
  const indexOf = (id: string, param: string) => {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) throw resourceMissing(objectName, id, param);
    return index;
  };
  if (paging.ending_before !== undefined) {
    const end = indexOf(paging.ending_before, 'ending_before');
    return { object: 'list', data: items.slice(Math.max(0, end - limit), end), has_more: end - limit > 0, url };
  }
  const start = paging.starting_after === undefined ? 0 : indexOf(paging.starting_after, 'starting_after') + 1;
  return { object: 'list', data: items.slice(start, start + limit), has_more: start + limit < items.length, url };
}

/** A list Stripe embeds in an object (a charge's refunds, a session's line items): complete, never paged here. */
export const embeddedList = <T>(data: T[], url: string): StripeList<T> => ({ object: 'list', data, has_more: false, url });
