import { type ChildProcess, spawn } from 'node:child_process';

const children = new Set<ChildProcess>();

/** Starts a service process that is stopped with this one, whatever way this one ends. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; verbose: boolean; onOutput?: (text: string, stream: 'stdout' | 'stderr') => void },
) {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  const output: string[] = [];
  const keep = (stream: 'stdout' | 'stderr') => (text: string) => {
    output.push(text);
    options.onOutput?.(text, stream);
    if (output.length > 50) output.shift();
    if (options.verbose) process.stderr.write(`[${name}] ${text}`);
  };
  // Decoded as text by the streams, so a character split between two chunks (box drawing is three bytes) arrives whole.
  child.stdout?.setEncoding('utf8').on('data', keep('stdout'));
  child.stderr?.setEncoding('utf8').on('data', keep('stderr'));
  child.on('exit', () => children.delete(child));
  return { child, recentOutput: () => output.join('') };
}

export function stopChildren() {
  for (const child of children) child.kill('SIGTERM');
}

let installed = false;

/** Ctrl-C, a kill, or an uncaught error: children go down too (a stray DynamoDB Local would keep its port). */
export function stopChildrenOnExit(onStop: () => void = () => {}) {
  if (installed) return;
  installed = true;
  process.on('exit', stopChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      onStop();
      stopChildren();
      process.exit(130);
    });
  }
}
