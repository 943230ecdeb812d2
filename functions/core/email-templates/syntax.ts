/**
 * The one template syntax we accept: `{{name}}`, optional spaces inside the
 * braces. SES parses templates as Handlebars, so anything else that opens a
 * tag (`{{{raw}}}`, `{{a.b}}`, `{{#if}}`, `\{{escaped}}`, an unclosed `{{`)
 * would render differently there and is reported as invalid.
 */

// Braces are excluded from the body so adjacent tags match separately and
// scanning stays linear on large inputs.
const TAG = /\\?\{{2,}[^{}]*\}*/g;
const PLACEHOLDER = /^\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}$/;

/** `name` is set only for a well-formed placeholder. */
export interface Tag {
  readonly raw: string;
  readonly name: string | undefined;
}

export function tagsOf(source: string): Tag[] {
  return Array.from(source.matchAll(TAG), ([raw]) => ({ raw, name: PLACEHOLDER.exec(raw)?.[1] }));
}

/** Replaces each valid placeholder; invalid tags are left as written. */
export function substitute(source: string, lookUp: (name: string) => string): string {
  return source.replace(TAG, (raw) => {
    const name = PLACEHOLDER.exec(raw)?.[1];
    return name === undefined ? raw : lookUp(name);
  });
}
