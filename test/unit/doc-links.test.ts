import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = (path: string) => new Set([...readFileSync(path, 'utf8').matchAll(/^#+ (.+)$/gm)].map((match) => slug(match[1]!)));

/** Markdown links outside code: `[text](target)`, without external URLs. */
const relativeLinks = (text: string) =>
  [...text.replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));

/** Repository paths named in code spans: `functions/core/errors.ts`, `docs/api.md` (no placeholders or globs). */
const namedPaths = (text: string) =>
  [...text.matchAll(/`((?:bin|lib|functions|scripts|templates|test|docs)\/[\w./-]+\.(?:ts|md|json|js))`/g)].map((match) => match[1]!);

describe.each(pages)('%s', (page) => {
  const text = readFileSync(join(root, page), 'utf8');

  it('links only to files and headings that exist', () => {
    const broken = relativeLinks(text).filter((target) => {
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const path = file === '' ? join(root, page) : join(root, dirname(page), file);
      return !existsSync(path) || (anchor !== undefined && path.endsWith('.md') && !anchorsOf(path).has(anchor));
    });
    expect(broken).toEqual([]);
  });

  it('names only files the repository has', () => {
    expect(namedPaths(text).filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});

it('README stays an index: at most 25 KB', () => {
  expect(readFileSync(join(root, 'README.md')).length).toBeLessThanOrEqual(25_000);
});
