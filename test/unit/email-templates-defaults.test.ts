import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeholdersOf, sampleValuesOf, type TemplateKey, templateKeys } from '../../functions/core/email-templates/catalog.ts';
import { defaultTemplate } from '../../functions/core/email-templates/defaults.ts';
import { renderTemplate, validateTemplate } from '../../functions/core/email-templates/render.ts';
import { LANGUAGES } from '../../functions/core/i18n/languages.ts';
import { generatedModulePath, generateModule, listAllTemplates, listTemplates } from '../../scripts/generate-email-templates.ts';

describe('default email templates', () => {
  it('the generated module is up to date with templates/email (run: npx tsx scripts/generate-email-templates.ts)', async () => {
    expect(await readFile(generatedModulePath, 'utf8')).toBe(generateModule(listAllTemplates()));
  });

  it.each(LANGUAGES)('lists one %s template per catalog key, the same the functions bundle', (language) => {
    const listed = listTemplates(undefined, language);
    expect(listed.map(({ key }) => key)).toEqual([...templateKeys].sort());
    for (const { key, ...parts } of listed) expect(defaultTemplate(key, language)).toEqual(parts);
    for (const { html } of listed) expect(html).toContain(`<html lang="${language}">`);
  });

  const everyTemplate = LANGUAGES.flatMap((language) => templateKeys.map((key) => [language, key] as const));

  it.each(everyTemplate)('%s %s validates against its own placeholders', (language, key) => {
    expect(() => validateTemplate(key, defaultTemplate(key, language))).not.toThrow();
  });

  it.each(everyTemplate)('%s %s renders its samples with no placeholder left', (language, key) => {
    const rendered = renderTemplate(defaultTemplate(key, language), sampleValuesOf(key));
    for (const part of Object.values(rendered)) expect(part).not.toContain('{{');
    expect(rendered.subject).not.toContain('\n');
    expect(rendered.html).toContain(placeholdersOf(key).orgName.sample);
    // Mail to contact persons greets them by name; a staff invitation goes to an address not yet known by name.
    const placeholders: Record<string, { sample: string }> = placeholdersOf(key);
    if (placeholders.personName) expect(rendered.text).toContain(placeholders.personName.sample);
  });

  describe('reading a templates folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'email-templates-'));
    });
    afterEach(() => rmSync(dir, { recursive: true }));

    const writeAll = (textOf: (key: TemplateKey) => string) => {
      writeFileSync(join(dir, '_layout.html'), '<title><!-- title --></title>\r\n<!-- content -->\r\n<footer><!-- footer --></footer>\r\n');
      writeFileSync(join(dir, '_button.html'), '<a href="<!-- url -->"><!-- label --></a>\r\n');
      for (const key of templateKeys) {
        mkdirSync(join(dir, key));
        // Staff invitations name no contact or portal, staff comment notices no portal: each folder uses only what it has.
        const toContact = 'contactName' in placeholdersOf(key) && 'portalUrl' in placeholdersOf(key);
        writeFileSync(join(dir, key, 'subject.txt'), 'Hello {{orgName}}\r\n');
        writeFileSync(
          join(dir, key, 'content.html'),
          toContact ? '  <p>{{orgName}}</p>\r\n  <!-- button {{portalUrl}} | Open $& portal -->\r\n' : '  <p>{{orgName}}</p>\r\n',
        );
        writeFileSync(join(dir, key, 'footer.html'), toContact ? 'Sent for {{contactName}}\r\n' : 'Sent by {{orgName}}\r\n');
        writeFileSync(join(dir, key, 'body.txt'), toContact ? textOf(key) : '{{orgName}}\r\n');
      }
    };

    it('puts each template into the shared layout, expands buttons, trims the subject and normalises line endings', () => {
      writeAll(() => 'Dear {{personName}},\r\n');
      expect(listTemplates(dir)[0]).toEqual({
        key: 'comment-added',
        subject: 'Hello {{orgName}}',
        html: '<title>Hello {{orgName}}</title>\n  <p>{{orgName}}</p>\n  <a href="{{portalUrl}}">Open $& portal</a>\n<footer>Sent for {{contactName}}</footer>\n',
        text: 'Dear {{personName}},\n',
      });
    });

    it('refuses folders that do not match the catalog', () => {
      mkdirSync(join(dir, 'unknown-key'));
      expect(() => listTemplates(dir)).toThrow(/missing: \[.*invitation-link.*\], unknown: \[unknown-key\]/);
    });

    it('refuses a template with an unknown placeholder', () => {
      writeAll((key) => (key === 'comment-added' ? '{{balance}}' : ''));
      expect(() => listTemplates(dir)).toThrow(
        expect.objectContaining({ code: 'UNKNOWN_PLACEHOLDER', details: expect.objectContaining({ unknown: ['balance'] }) }),
      );
    });
  });
});
