import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/*
 * A deployed function is one minified bundle with its source map beside it.
 * Node's --enable-source-maps parses that map (2–5 MB) on every cold start,
 * 40–60 ms, to serve stack traces that only errors need; so the map is read
 * here instead, the first time an error is logged, and each frame of the
 * bundle is written as the source file and line it came from.
 */

/** A frame's location: `file:///var/task/index.mjs:1:2345` or `/var/task/index.mjs:1:2345`. */
const LOCATION = /((?:file:\/\/)?\/[^\s()]+\.m?js):(\d+):(\d+)/g;

const maps = new Map<string, SourceMap | undefined>();

function mapBeside(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    const path = file.startsWith('file:') ? fileURLToPath(file) : file;
    let map: SourceMap | undefined;
    try {
      map = existsSync(`${path}.map`) ? new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8'))) : undefined;
    } catch {
      map = undefined;
    }
    maps.set(file, map);
  }
  return maps.get(file);
}

/** A source as the project names it (`functions/core/http/handler.ts`), not relative to wherever it was bundled. */
const projectPath = (source: string) => /(?:^|\/)((?:functions|node_modules|lib|scripts|test)\/.*)$/.exec(source)?.[1] ?? source;

/** `stack` with each location inside a bundle that has a source map beside it written as its source's; other frames as they are. */
export function originalStack(stack: string): string {
  return stack.replace(LOCATION, (location, file: string, line: string, column: string) => {
    const entry = mapBeside(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return location;
    return `${projectPath(entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

const mapped = new WeakSet<Error>();

/** The error, its causes too, with stacks that name source files; each error is mapped once. */
export function withOriginalStacks<E extends Error>(error: E): E {
  for (let current: unknown = error; current instanceof Error && !mapped.has(current); current = current.cause) {
    mapped.add(current);
    if (current.stack) current.stack = originalStack(current.stack);
  }
  return error;
}
