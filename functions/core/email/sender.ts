import type { Organization } from '../orgs/schema.ts';

/** The bare address of `Name <address>` or of a bare address. */
const addressOf = (from: string) => /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();

// Control characters, CR/LF and bidi overrides could forge headers or disguise the name.
const displayable = (name: string) => name.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, ' ').trim();

/** Printable ASCII is quoted; anything else is an RFC 2047 encoded word, which SES accepts in the From header. */
function displayName(name: string): string {
  if (/^[\x20-\x7E]*$/.test(name)) return `"${name.replace(/["\\]/g, '\\$&')}"`;
  return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
}

/**
 * Mail for an organization comes from the platform's own address, named after
 * the organization (`"Acme Supplies via Portico" <no-reply@…>`): recipients see
 * who writes, and nobody can send as a domain the platform does not own.
 * Answers go to the organization (the owner who created it).
 */
export function senderFor(organization: Pick<Organization, 'name' | 'replyTo'>, platformFrom: string) {
  return {
    from: `${displayName(`${displayable(organization.name)} via Portico`)} <${addressOf(platformFrom)}>`,
    replyTo: organization.replyTo ? [organization.replyTo] : [],
  };
}
