import * as z from 'zod';
import { invalidRequest } from '../errors.ts';
import { page, pagingParams } from '../lists.ts';
import { integer, parseParams, text } from '../params.ts';
import { route } from '../router.ts';
import { type ApiHandler, retrieve } from './handler.ts';

const CreatedFilter = z.union([
  integer,
  z.strictObject({ gt: z.optional(integer), gte: z.optional(integer), lt: z.optional(integer), lte: z.optional(integer) }),
]);

const ListEvents = z.strictObject({
  type: z.optional(text),
  types: z.optional(z.array(text).max(20)),
  created: z.optional(CreatedFilter),
  ...pagingParams,
});

/** `checkout.session.*` matches every session event, as on Stripe. */
const typePattern = (type: string) => new RegExp(`^${type.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);

/**
 * The account's events, newest first, whatever happened to their delivery:
 * what a reconciliation job reads to catch up on missed webhooks.
 */
const listEvents: ApiHandler = (double, { owner, params, path }) => {
  const { type, types, created, ...paging } = parseParams(ListEvents, params);
  if (type !== undefined && types !== undefined)
    throw invalidRequest('You may only specify one of these parameters: type, types.', 'parameters_exclusive', 'type');
  const patterns = (types ?? (type === undefined ? [] : [type])).map(typePattern);
  const range = typeof created === 'number' ? { gte: created, lte: created } : (created ?? {});
  const events = double.store
    .list(owner, 'event')
    .filter(
      (event) =>
        (patterns.length === 0 || patterns.some((pattern) => pattern.test(event.type))) &&
        (range.gt === undefined || event.created > range.gt) &&
        (range.gte === undefined || event.created >= range.gte) &&
        (range.lt === undefined || event.created < range.lt) &&
        (range.lte === undefined || event.created <= range.lte),
    );
  return page(events, paging, path, 'event');
};

export const eventRoutes = [route('GET', '/v1/events', listEvents), route('GET', '/v1/events/:id', retrieve('event'))];
