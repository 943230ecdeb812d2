import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../functions');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = sources(root);
const name = (path: string) => relative(root, path);
const text = new Map(files.map((path) => [path, readFileSync(path, 'utf8')]));

/** Relative imports (values and types), resolved to files. */
function importsOf(path: string): string[] {
  const specifiers = [...text.get(path)!.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)].map((match) => match[1]!);
  return specifiers.map((specifier) => resolve(dirname(path), specifier));
}

describe('architecture', () => {
  it("a document's state is put only by its writer (documents/commands.ts)", () => {
    const writes = /\b(replaceDocumentStep|putNewDocumentStep|deleteDocumentStep|documentExistsStep|documentItem)\b/;
    const writers = files
      .filter((path) => writes.test(text.get(path)!))
      .map(name)
      .sort();
    expect(writers).toEqual(['core/documents/commands.ts', 'core/documents/repository.ts']);
  });

  it("changes commit through the audit trail (audit/commit.ts); only bookkeeping that changes nobody's data calls transact itself", () => {
    const callers = files
      .filter((path) => /\btransact\(/.test(text.get(path)!))
      .map(name)
      .sort();
    // docs/audit-trail.md says why each of these is not a change the trail records.
    expect(callers).toEqual([
      'core/audit/commit.ts',
      'core/db/transact.ts',
      'core/online-payments/checkout.ts',
      'core/online-payments/connection.ts',
      'core/online-payments/expiry.ts',
      'core/online-payments/finish-event.ts',
      'core/online-payments/receipt.ts',
      'core/online-payments/refund-request.ts',
      'core/online-payments/refund-reservations.ts',
      'core/portal-access/mfa.ts',
      'core/receivables/aggregate-repository.ts',
      'core/receivables/statement-email.ts',
      'core/reminders/service.ts',
      'core/staff-mfa/service.ts',
    ]);
  });

  it('no module under functions/core/ outside http/ imports from http/', () => {
    const http = join(root, 'core/http');
    const offenders = files
      .filter((path) => path.startsWith(join(root, 'core')) && !path.startsWith(http))
      .filter((path) => importsOf(path).some((target) => target.startsWith(`${http}/`)))
      .map(name);
    expect(offenders).toEqual([]);
  });

  it('no module under functions/ imports the merged route table: each handler takes its route from its own area', () => {
    const merged = join(root, 'routes.ts');
    expect(files.filter((path) => importsOf(path).includes(merged)).map(name)).toEqual([]);
  });

  it('a handler imports the routes of its own area only', () => {
    const areaRoutes = (path: string) => importsOf(path).filter((target) => target.endsWith('/routes.ts'));
    const handlers = files.filter((path) => !path.startsWith(join(root, 'core')) && !path.endsWith('routes.ts'));
    const strangers = handlers.filter((path) => areaRoutes(path).some((target) => target !== join(dirname(path), 'routes.ts'))).map(name);
    expect(strangers).toEqual([]);
  });

  it('no import circle', () => {
    const graph = new Map(files.map((path) => [path, importsOf(path).filter((target) => text.has(target))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (path: string, trail: string[]) => {
      if (state.get(path) === 'done') return;
      if (state.get(path) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(path)), path].map(name).join(' → '));
        return;
      }
      state.set(path, 'open');
      for (const target of graph.get(path)!) visit(target, [...trail, path]);
      state.set(path, 'done');
    };
    for (const path of files) visit(path, []);
    expect(cycles).toEqual([]);
  });
});
