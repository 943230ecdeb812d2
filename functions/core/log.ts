import { Logger } from '@aws-lambda-powertools/logger';
import { invocationScoped } from './invocation-scope.ts';
import { withOriginalStacks } from './stack-traces.ts';

/**
 * Structured JSON logs through Powertools Logger: a level, a timestamp, the
 * service and the invocation's ids on every line, an error's name, message and
 * stack when one is passed. Only ids and technical facts go in (callers pass
 * ids, never request bodies); `redact` below is the net under that rule.
 */
type Fields = Record<string, string | number | boolean | null | undefined>;
/** An error to log with its stack: `log.error('…', { eventId }, error)`. */
type Failure = unknown;

// Per invocation (invocation-scope.ts), so requests running side by side in the local runtime keep their own ids.
const invocation = invocationScoped<Fields>();

/** Runs one invocation with its own log fields. */
export const withLogContext = <T>(run: () => T): T => invocation.run({}, run);

/** Keys whose values are never written, whoever passes them. */
const secretKeys = /email|password|token|secret|authorization|cookie|body|phone/i;
const emailAddresses = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[a-z]{2,}/gi;
/** JWTs and Stripe keys, wherever they appear in a message or a stack. */
const credentials = /\beyJ[\w-]+\.[\w-]+\.[\w-]*|\b(?:sk|rk|pk|whsec)_(?:test|live)?_?\w{8,}/g;

/** Applied to every key and value of a line as it is serialized, an error's message and stack included. */
export function redact(key: string, value: unknown): unknown {
  if (secretKeys.test(key) && value !== undefined && value !== null) return '[redacted]';
  if (typeof value === 'string') return value.replace(emailAddresses, '[email]').replace(credentials, '[credential]');
  return value;
}

const logger = new Logger({ serviceName: 'portico', jsonReplacerFn: redact });

export const log = {
  /** Fields repeated on every later line of the current invocation (request id, org id, route). */
  bind(fields: Fields) {
    Object.assign(invocation.get() ?? {}, fields);
  },
  debug: (message: string, fields: Fields = {}) => write('debug', message, fields),
  info: (message: string, fields: Fields = {}) => write('info', message, fields),
  warn: (message: string, fields: Fields = {}, error?: Failure) => write('warn', message, fields, error),
  error: (message: string, fields: Fields = {}, error?: Failure) => write('error', message, fields, error),
};

function write(level: 'debug' | 'info' | 'warn' | 'error', message: string, fields: Fields, error?: Failure) {
  // Read per line: tests and the local runtime switch it at run time.
  if (process.env.PORTICO_LOG === 'silent') return;
  // An Error anywhere in a line is written as its name, message and stack (Powertools' formatter).
  const failure = error === undefined ? {} : { error: error instanceof Error ? withOriginalStacks(error) : String(error) };
  logger[level](message, { ...invocation.get(), ...fields, ...failure });
}
