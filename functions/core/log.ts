/**
 * Structured JSON logs. Only ids and technical facts go in: no emails, names,
 * passwords or tokens (callers pass ids, never request bodies).
 */
type Fields = Record<string, string | number | boolean | null | undefined>;

let context: Fields = {};

export const log = {
  /** Fields repeated on every line of the current request (request id, org id, route). */
  bind(fields: Fields) {
    context = { ...context, ...fields };
  },
  reset(fields: Fields = {}) {
    context = fields;
  },
  info: (message: string, fields: Fields = {}) => write('info', message, fields),
  warn: (message: string, fields: Fields = {}) => write('warn', message, fields),
  error: (message: string, fields: Fields = {}) => write('error', message, fields),
};

function write(level: string, message: string, fields: Fields) {
  if (process.env.PORTICO_LOG === 'silent') return;
  process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), message, ...context, ...fields })}\n`);
}
