import { http } from '../../functions/core/http/handler.ts';

/** A route whose handler fails: bundled as a function is, its logged stack must name this file. */
export const handler = http({ auth: 'none' }, async () => {
  throw new RangeError('the failure a stack trace should lead to');
});
