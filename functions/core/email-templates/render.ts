import { Unprocessable } from '../errors.ts';
import { placeholdersOf, type TemplateKey } from './catalog.ts';
import { renderedHrefAllowed, sanitizeTemplateHtml } from './sanitize.ts';
import { substitute, tagsOf } from './syntax.ts';

export interface TemplateParts {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const partNames = ['subject', 'html', 'text'] as const;

// Generous for an email, and together well inside SES's 500 KB per stored template.
const limits = {
  subject: { max: 200, unit: 'characters' },
  html: { max: 100 * 1024, unit: 'bytes' },
  text: { max: 50 * 1024, unit: 'bytes' },
} as const;

// An unclosed `{{` can swallow the rest of a part; keep error details short.
const shown = (raw: string) => (raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/** Checks, in order: sizes, tag syntax, then that every placeholder belongs to the key. */
export function validateTemplate(key: TemplateKey, template: TemplateParts): void {
  const tooLarge = partNames
    .map((part) => ({ part, ...limits[part], actual: part === 'subject' ? template.subject.length : Buffer.byteLength(template[part]) }))
    .filter(({ max, actual }) => actual > max);
  if (tooLarge.length > 0) {
    const list = tooLarge.map(({ part, max, unit }) => `${part} (max ${max} ${unit})`).join(', ');
    throw new Unprocessable('TEMPLATE_TOO_LARGE', `The template is too large: ${list}.`, { tooLarge });
  }

  const tags = partNames.flatMap((part) => tagsOf(template[part]).map((tag) => ({ part, ...tag })));
  const invalid = tags.filter((tag) => tag.name === undefined).map(({ part, raw }) => ({ part, tag: shown(raw) }));
  if (invalid.length > 0) {
    throw new Unprocessable('INVALID_TEMPLATE', 'Placeholders must be written as {{name}}, with no other braces, dots, or expressions.', { invalid });
  }

  const allowed = Object.keys(placeholdersOf(key));
  const unknown = [...new Set(tags.flatMap(({ name }) => (name === undefined || allowed.includes(name) ? [] : [name])))];
  if (unknown.length > 0) {
    throw new Unprocessable('UNKNOWN_PLACEHOLDER', `Unknown placeholder(s) for template "${key}": ${unknown.join(', ')}.`, { unknown, allowed });
  }
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);

/**
 * Fills placeholders: HTML-escaped in the html part, as-is in subject and text
 * (plain text, where entities would show literally). A missing value renders
 * empty, as SES does.
 */
export function renderTemplate(template: TemplateParts, values: Readonly<Partial<Record<string, string>>>): TemplateParts {
  // Own properties only, so `{{constructor}}` cannot reach Object.prototype.
  const lookUp = (name: string) => (Object.hasOwn(values, name) ? (values[name] ?? '') : '');
  return {
    subject: substitute(template.subject, lookUp),
    html: substitute(template.html, (name) => escapeHtml(lookUp(name))),
    text: substitute(template.text, lookUp),
  };
}

/** Renders a business's own template: its HTML is cut to the safe subset again after values are in, in case it was stored before that rule. */
export function renderBusinessTemplate(template: TemplateParts, values: Readonly<Partial<Record<string, string>>>): TemplateParts {
  const rendered = renderTemplate(template, values);
  return { ...rendered, html: sanitizeTemplateHtml(rendered.html, renderedHrefAllowed(values)) };
}

/**
 * The default layout marks where the logo goes (`<!-- logo -->`, in the header beside the organization's name): the
 * organization's logo, served by Portico, or nothing. Templates are logic-free, so this one optional image is placed here.
 */
export function withLogo(rendered: TemplateParts, logoUrl: string, orgName: string): TemplateParts {
  const image = logoUrl
    ? `<img src="${escapeHtml(logoUrl)}" alt="${escapeHtml(orgName)}" height="40" style="display:block;height:40px;width:auto;max-width:240px;margin:0 0 8px;border:0;">`
    : '';
  return { ...rendered, html: rendered.html.replace('<!-- logo -->', () => image) };
}
