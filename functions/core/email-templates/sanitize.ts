import sanitizeHtml from 'sanitize-html';

/**
 * A business's template HTML is cut to tags for text layout, so mail the
 * platform sends in its name cannot carry scripts, forms, frames, styles
 * sheets, event handlers or images from elsewhere. Inline `style` stays (email
 * layout needs it) but no property may load anything (`url(…)`, `expression`).
 */
const layoutTags = [
  'html',
  'head',
  'meta',
  'title',
  'body',
  'div',
  'span',
  'p',
  'br',
  'hr',
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'small',
  'sub',
  'sup',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'center',
];

const inert = [/^(?!.*(?:url\s*\(|expression|\\|@import|javascript:))[^;]*$/i];
const styled = [
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'text-align',
  'text-decoration',
  'vertical-align',
  'margin',
  'margin-top',
  'margin-bottom',
  'margin-left',
  'margin-right',
  'padding',
  'padding-top',
  'padding-bottom',
  'padding-left',
  'padding-right',
  'border',
  'border-top',
  'border-bottom',
  'border-left',
  'border-right',
  'border-radius',
  'width',
  'max-width',
  'display',
  'word-break',
];

const layoutAttributes = ['style', 'align', 'valign', 'width', 'height', 'cellpadding', 'cellspacing', 'border', 'role', 'colspan', 'rowspan', 'lang'];

/**
 * Links may lead only where the organization's own links lead: `allowedHref`
 * decides (a URL placeholder when saved, the platform's own URLs when
 * rendered). Any other link keeps its text and loses its target.
 */
export function sanitizeTemplateHtml(html: string, allowedHref: (href: string) => boolean): string {
  return sanitizeHtml(html, {
    allowedTags: layoutTags,
    allowedAttributes: { '*': layoutAttributes, a: [...layoutAttributes, 'href'], meta: ['charset', 'name', 'content'] },
    allowedStyles: { '*': Object.fromEntries(styled.map((property) => [property, inert])) },
    allowedSchemes: ['https', 'http', 'mailto'],
    allowProtocolRelative: false,
    allowVulnerableTags: false,
    transformTags: {
      a: (tagName, attribs) => {
        const { href, ...rest } = attribs;
        return { tagName, attribs: href !== undefined && allowedHref(href) ? { ...rest, href } : rest };
      },
    },
  });
}

/** Saved: a link's target is one of the platform's URL placeholders (`{{portalUrl}}`, `{{documentUrl}}`…), or a path under one. */
export const savedHrefAllowed = (href: string): boolean => /^\{\{\s*[A-Za-z][A-Za-z0-9_]*Url\s*\}\}(?:[/?#][^"'<>\s{}]*)?$/.test(href.trim());

/** Rendered: a link's target starts with one of the URL values the platform filled in. */
export const renderedHrefAllowed =
  (values: Readonly<Partial<Record<string, string>>>) =>
  (href: string): boolean =>
    Object.entries(values).some(([name, value]) => name.endsWith('Url') && value !== undefined && value !== '' && startsWithin(href, value));

// `https://host/p/acme` must not let `https://host/p/acme.evil` or `https://host/p/acmex` through.
const startsWithin = (href: string, base: string) => href === base || (href.startsWith(base) && /^[/?#]/.test(href.slice(base.length)));
