import { describe, expect, it } from 'vitest';
import { senderFor } from '../../functions/core/email/sender.ts';
import { renderedHrefAllowed, sanitizeTemplateHtml, savedHrefAllowed } from '../../functions/core/email-templates/sanitize.ts';

describe('template links', () => {
  it('keeps only URL placeholders when saved', () => {
    expect(['{{portalUrl}}', '{{ documentUrl }}', '{{portalUrl}}/documents?x=1'].map(savedHrefAllowed)).toEqual([true, true, true]);
    expect(['https://evil.example', '{{personName}}', '{{portalUrl}}.evil.example', 'x{{portalUrl}}', 'javascript:alert(1)'].map(savedHrefAllowed)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('keeps only the filled-in URLs and paths under them when rendered', () => {
    const allowed = renderedHrefAllowed({ portalUrl: 'https://app.example/p/acme', personName: 'https://evil.example' });
    expect(['https://app.example/p/acme', 'https://app.example/p/acme/documents', 'https://app.example/p/acmex', 'https://evil.example'].map(allowed)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('drops scripts, handlers, forms, frames, images and loading styles', () => {
    expect(
      sanitizeTemplateHtml(
        '<p onclick="x()" style="color:red;background-image:url(https://e.example/t)">a<script>b</script></p><img src="https://e.example/i"><iframe></iframe><form><input></form><a href="https://e.example">c</a>',
        () => false,
      ),
    ).toBe('<p style="color:red">a</p><a>c</a>');
  });
});

describe('sender', () => {
  it('names the organization, keeps the platform address, answers to the organization', () => {
    expect(senderFor({ name: 'Acme "Supplies"', replyTo: 'owner@acme.example' }, 'Portico <no-reply@portico.test>')).toEqual({
      from: '"Acme \\"Supplies\\" via Portico" <no-reply@portico.test>',
      replyTo: ['owner@acme.example'],
    });
    expect(senderFor({ name: 'Café\r\nBcc: x@y\u202E' }, 'no-reply@portico.test')).toEqual({
      from: `=?UTF-8?B?${Buffer.from('Café  Bcc: x@y via Portico').toString('base64')}?= <no-reply@portico.test>`,
      replyTo: [],
    });
  });
});
