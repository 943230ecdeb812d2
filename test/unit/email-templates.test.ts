import { describe, expect, it } from 'vitest';
import { parseTemplateKey, placeholdersOf, sampleValuesOf, templateKeys } from '../../functions/core/email-templates/catalog.ts';
import { renderTemplate, type TemplateParts, validateTemplate } from '../../functions/core/email-templates/render.ts';
import { NotFound, Unprocessable } from '../../functions/core/errors.ts';

const template = (overrides: Partial<TemplateParts>): TemplateParts => ({ subject: 'Hello', html: '<p>Hi</p>', text: 'Hi', ...overrides });

function rejection(run: () => void): Unprocessable {
  try {
    run();
  } catch (error) {
    if (error instanceof Unprocessable) return error;
    throw error;
  }
  throw new Error('expected the template to be rejected');
}

describe('catalog', () => {
  it('documents and samples every placeholder of every key', () => {
    for (const key of templateKeys) {
      for (const [name, { description, sample }] of Object.entries(placeholdersOf(key))) {
        expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(description.length).toBeGreaterThan(0);
        expect(sample.length).toBeGreaterThan(0);
      }
      expect(Object.keys(sampleValuesOf(key))).toEqual(Object.keys(placeholdersOf(key)));
    }
  });

  it('parses known keys and treats unknown ones as not found', () => {
    expect(parseTemplateKey('document-sent')).toBe('document-sent');
    expect(() => parseTemplateKey('nope')).toThrow(NotFound);
    expect(() => parseTemplateKey('constructor')).toThrow(NotFound);
  });
});

describe('validateTemplate', () => {
  it('accepts declared placeholders, with or without spaces inside the braces', () => {
    expect(() =>
      validateTemplate(
        'invitation-link',
        template({ subject: 'Join {{ orgName }}', html: '<a href="{{invitationUrl}}">{{personName}}</a>', text: '{{expiresInDays}}' }),
      ),
    ).not.toThrow();
  });

  it('rejects unknown placeholders with the exact list, once each, in order of appearance', () => {
    const error = rejection(() =>
      validateTemplate(
        'password-changed',
        template({ subject: '{{ invoiceNumber }} {{orgName}}', html: '{{password}} {{invoiceNumber}}', text: '{{constructor}}' }),
      ),
    );
    expect(error.status).toBe(422);
    expect(error.code).toBe('UNKNOWN_PLACEHOLDER');
    expect(error.details).toMatchObject({ unknown: ['invoiceNumber', 'password', 'constructor'] });
    expect(error.details).toMatchObject({ allowed: Object.keys(placeholdersOf('password-changed')) });
  });

  it.each([
    ['empty braces', '{{ }}', ['{{ }}']],
    ['a dotted path', '{{a.b}}', ['{{a.b}}']],
    ['triple-stash', '{{{orgName}}}', ['{{{orgName}}}']],
    ['a block helper', '{{#if orgName}}x{{/if}}', ['{{#if orgName}}', '{{/if}}']],
    ['a comment', '{{! note }}', ['{{! note }}']],
    ['an escaped tag', '\\{{orgName}}', ['\\{{orgName}}']],
    ['an unclosed tag', 'Dear {{orgName', ['{{orgName']],
    ['a single closing brace', '{{orgName}', ['{{orgName}']],
    ['whitespace control', '{{~orgName}}', ['{{~orgName}}']],
  ])('rejects %s as INVALID_TEMPLATE', (_, source, tags) => {
    const error = rejection(() => validateTemplate('password-changed', template({ text: source })));
    expect(error.code).toBe('INVALID_TEMPLATE');
    expect(error.details).toEqual({ invalid: tags.map((tag) => ({ part: 'text', tag })) });
  });

  it('reports an unclosed tag briefly', () => {
    const error = rejection(() => validateTemplate('password-changed', template({ html: `{{${'x'.repeat(5000)}` })));
    expect(JSON.stringify(error.details).length).toBeLessThan(200);
  });

  it('ignores single braces such as CSS and stray closing braces', () => {
    expect(() => validateTemplate('password-changed', template({ html: '<style>p{color:red}</style> }} {orgName}' }))).not.toThrow();
  });

  it.each([
    ['subject', { subject: 'x'.repeat(201) }, { subject: 'x'.repeat(200) }],
    ['html', { html: 'x'.repeat(100 * 1024 + 1) }, { html: 'x'.repeat(100 * 1024) }],
    ['text', { text: 'x'.repeat(50 * 1024 + 1) }, { text: 'x'.repeat(50 * 1024) }],
  ] as const)('limits the %s size', (part, over, atLimit) => {
    expect(() => validateTemplate('password-changed', template(atLimit))).not.toThrow();
    const error = rejection(() => validateTemplate('password-changed', template(over)));
    expect(error.code).toBe('TEMPLATE_TOO_LARGE');
    expect(error.details).toMatchObject({ tooLarge: [expect.objectContaining({ part })] });
  });

  it('measures html and text in UTF-8 bytes', () => {
    const error = rejection(() => validateTemplate('password-changed', template({ text: 'é'.repeat(26 * 1024) })));
    expect(error.code).toBe('TEMPLATE_TOO_LARGE');
  });
});

describe('renderTemplate', () => {
  const hostile = '<script>alert(1)</script>';

  it('escapes values in html only, and inserts them as-is in subject and text', () => {
    const rendered = renderTemplate(
      { subject: 'For {{contactName}}', html: '<p>{{ contactName }}</p>', text: 'Dear {{contactName}}' },
      { contactName: hostile },
    );
    expect(rendered.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(rendered.text).toBe(`Dear ${hostile}`);
    expect(rendered.subject).toBe(`For ${hostile}`);
  });

  it('escapes quotes and ampersands, so values are safe inside attributes', () => {
    const rendered = renderTemplate(template({ html: '<a title="{{orgName}}">' }), { orgName: `Tom & "Jerry's"` });
    expect(rendered.html).toBe('<a title="Tom &amp; &quot;Jerry&#39;s&quot;">');
  });

  it('renders missing values, and names that are not own properties, as empty', () => {
    const rendered = renderTemplate(template({ text: '[{{orgName}}][{{constructor}}][{{toString}}]' }), {});
    expect(rendered.text).toBe('[][][]');
  });

  it('does not substitute inside invalid tags', () => {
    const rendered = renderTemplate(template({ text: '{{{orgName}}} {{orgName}}' }), { orgName: 'Acme' });
    expect(rendered.text).toBe('{{{orgName}}} Acme');
  });

  it('does not re-expand placeholders that appear in values', () => {
    const rendered = renderTemplate(template({ text: '{{personName}} / {{orgName}}' }), { personName: '{{orgName}}', orgName: 'Acme' });
    expect(rendered.text).toBe('{{orgName}} / Acme');
  });
});
