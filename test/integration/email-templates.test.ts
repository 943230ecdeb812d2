import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../functions/core/email-templates/defaults.ts';
import { newContact } from '../support/contacts.ts';
import { mailsTo, onlyMailTo } from '../support/mailbox.ts';
import { newOrganization } from '../support/staff.ts';

const custom = {
  subject: '{{orgName}} invites {{personName}}',
  html: '<p>Hello {{personName}} of {{contactName}}</p><a href="{{invitationUrl}}">Join</a> ({{expiresInDays}} days)',
  text: 'Hello {{personName}} of {{contactName}}: {{invitationUrl}}',
};

describe('email templates', () => {
  it('lists every template with its placeholders, none customized at first', async () => {
    const { org, api } = await newOrganization();
    const response = await api.get(`/v1/orgs/${org.id}/email-templates`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { key: string; customized: boolean }) => [item.key, item.customized])).toEqual([
      ['invitation-link', false],
      ['invitation-credentials', false],
      ['password-changed', false],
      ['document-sent', false],
      ['payment-receipt', false],
      ['comment-added', false],
      ['payment-refunded', false],
      ['statement', false],
      ['reminder-before', false],
      ['reminder-due', false],
      ['reminder-overdue', false],
      ['staff-payment-notice', false],
      ['staff-comment-notice', false],
      ['staff-comment-digest', false],
      ['staff-invitation', false],
    ]);
    const invitation = response.body.items[0];
    expect(invitation.placeholders.map((placeholder: { name: string }) => placeholder.name)).toEqual([
      'brandColor',
      'logoUrl',
      'contactName',
      'personName',
      'orgName',
      'portalUrl',
      'invitationUrl',
      'expiresInDays',
    ]);
    expect((await api.get(`/v1/orgs/${org.id}/email-templates/invitation-link`)).body).toMatchObject({
      customized: false,
      ...defaultTemplate('invitation-link'),
    });
  });

  it('sends the customized invitation, with markup in a contact name escaped in the HTML', async () => {
    const { org, api } = await newOrganization({ name: 'Acme Supplies' });
    const saved = await api.put(`/v1/orgs/${org.id}/email-templates/invitation-link`, custom);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ key: 'invitation-link', customized: true, ...custom });
    const contact = await newContact(api, org.id, 0, { name: '<script>alert(1)</script>' });
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [contact.persons[0]!.id] });
    const mail = await onlyMailTo(contact.email);
    expect(mail.subject).toBe('Acme Supplies invites <script>alert(1)</script>');
    expect(mail.body.html).toMatch(
      /^<p>Hello &lt;script&gt;alert\(1\)&lt;\/script&gt; of &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p><a href="http:\/\/127\.0\.0\.1:\d+\/p\/[a-z0-9-]+\/invitation\?token=[A-Za-z0-9_-]{43}">Join<\/a> \(7 days\)$/,
    );
    expect(mail.body.html).not.toContain('<script>');
    expect(mail.body.text).toMatch(/^Hello <script>alert\(1\)<\/script> of <script>alert\(1\)<\/script>: http:\/\/\S+\/invitation\?token=\S+$/);
  });

  it('refuses an unknown placeholder with 422 and keeps the template as it was', async () => {
    const { org, api } = await newOrganization();
    const response = await api.put(`/v1/orgs/${org.id}/email-templates/invitation-link`, { ...custom, text: 'Your password: {{password}}' });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'UNKNOWN_PLACEHOLDER', details: { unknown: ['password'] } });
    expect((await api.get(`/v1/orgs/${org.id}/email-templates/invitation-link`)).body.customized).toBe(false);
    expect((await api.put(`/v1/orgs/${org.id}/email-templates/no-such-template`, custom)).status).toBe(404);
    expect((await api.put(`/v1/orgs/${org.id}/email-templates/invitation-link`, { subject: 'x' })).status).toBe(400);
  });

  it('previews with sample values, or with given values and a draft, escaping HTML', async () => {
    const { org, api } = await newOrganization();
    const sample = await api.post(`/v1/orgs/${org.id}/email-templates/password-changed/preview`, {});
    expect(sample.status).toBe(200);
    expect(sample.body.subject).toBe('Your Northwind Consulting client portal password was changed');
    const draft = await api.post(`/v1/orgs/${org.id}/email-templates/invitation-link/preview`, { ...custom, values: { personName: 'A & <B>' } });
    expect(draft.body).toEqual({
      key: 'invitation-link',
      subject: 'Northwind Consulting invites A & <B>',
      html: '<p>Hello A &amp; &lt;B&gt; of Acme Widgets Ltd</p><a href="https://portal.example.com/northwind/invitations/accept?token=6f1c2d9e">Join</a> (7 days)',
      text: 'Hello A & <B> of Acme Widgets Ltd: https://portal.example.com/northwind/invitations/accept?token=6f1c2d9e',
    });
    expect((await api.post(`/v1/orgs/${org.id}/email-templates/invitation-link/preview`, { text: '{{nope}}' })).body.error.code).toBe('UNKNOWN_PLACEHOLDER');
  });

  it('restores the default when the customization is deleted; another business never sees it', async () => {
    const { org, api } = await newOrganization({ name: 'Acme Supplies' });
    const other = await newOrganization();
    await api.put(`/v1/orgs/${org.id}/email-templates/invitation-link`, custom);
    expect((await other.api.get(`/v1/orgs/${other.org.id}/email-templates/invitation-link`)).body.customized).toBe(false);
    expect((await other.api.get(`/v1/orgs/${org.id}/email-templates/invitation-link`)).status).toBe(404);
    expect((await api.delete(`/v1/orgs/${org.id}/email-templates/invitation-link`)).status).toBe(204);
    expect((await api.get(`/v1/orgs/${org.id}/email-templates/invitation-link`)).body.customized).toBe(false);
    const contact = await newContact(api, org.id);
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [contact.persons[0]!.id] });
    expect((await mailsTo(contact.email)).map((mail) => mail.subject)).toEqual(['Invitation to the Acme Supplies client portal']);
  });

  it("stores and sends a template cut to safe markup and its own links, from the platform in the business's name, answers to its owner", async () => {
    const { org, api, token } = await newOrganization({ name: 'Acme "Supplies"' });
    const unsafe =
      '<p onclick="steal()">Hi {{personName}}<script>alert(1)</script></p><style>p{}</style><img src="https://evil.example/x.png">' +
      '<form action="https://evil.example"><input name="card"></form><iframe src="https://evil.example"></iframe>' +
      '<a href="https://evil.example/login">Pay here</a> <a href="{{invitationUrl}}" onmouseover="x()">Join</a> <a href="{{portalUrl}}/documents">Docs</a>' +
      '<a href="javascript:alert(1)">js</a><p style="color:#123456;background:url(https://evil.example/t.gif)">x</p>';
    const saved = await api.put(`/v1/orgs/${org.id}/email-templates/invitation-link`, { ...custom, html: unsafe });
    expect(saved.status).toBe(200);
    const kept =
      '<p>Hi {{personName}}</p>' +
      '<a>Pay here</a> <a href="{{invitationUrl}}">Join</a> <a href="{{portalUrl}}/documents">Docs</a><a>js</a><p style="color:#123456">x</p>';
    expect(saved.body.html).toBe(kept);
    const contact = await newContact(api, org.id, 0, { name: 'Beta Ltd' });
    await api.post(`/v1/orgs/${org.id}/contacts/${contact.id}/portal-access`, { personIds: [contact.persons[0]!.id] });
    const mail = await onlyMailTo(contact.email);
    const portal = `http://127.0.0.1:${/127\.0\.0\.1:(\d+)/.exec(mail.body.html!)![1]}/p/${org.portalName}`;
    const invitation = /href="([^"]+invitation\?token=[^"]+)"/.exec(mail.body.html!)![1]!;
    expect(invitation.startsWith(`${portal}/invitation?token=`)).toBe(true);
    expect(mail.body.html).toBe(
      `<p>Hi ${contact.persons[0]!.name}</p><a>Pay here</a> <a href="${invitation}">Join</a> <a href="${portal}/documents">Docs</a><a>js</a><p style="color:#123456">x</p>`,
    );
    const owner = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).email as string;
    expect(mail.from).toBe('"Acme \\"Supplies\\" via Portico" <no-reply@portico.test>');
    expect(mail.replyTo).toEqual([owner.toLowerCase()]);
  });
});
