import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Structured JSON logs. Only ids and technical facts go in: no emails, names,
 * passwords or tokens (callers pass ids, never request bodies).
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

// Per invocation, so concurrent requests in one process (the local gateway) keep their own ids.
const invocation = new AsyncLocalStorage<Fields>();

/** Runs one invocation with its own log fields. */
export const withLogContext = <T>(run: () => T): T => invocation.run({}, run);

export const log = {
  /** Fields repeated on every later line of the current invocation (request id, org id, route). */
  bind(fields: Fields) {
    Object.assign(invocation.getStore() ?? {}, fields);
  },
  info: (message: string, fields: Fields = {}) => write('info', message, fields),
  warn: (message: string, fields: Fields = {}) => write('warn', message, fields),
  error: (message: string, fields: Fields = {}) => write('error', message, fields),
};

function write(level: string, message: string, fields: Fields) {
  if (process.env.PORTICO_LOG === 'silent') return;
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), message, ...invocation.getStore(), ...fields })}\n`);
}
