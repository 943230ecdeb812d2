import { randomBytes } from 'node:crypto';
import { clock } from '../clock.ts';
import { DomainError, NotFound } from '../errors.ts';
import { getOrganization } from '../orgs/repository.ts';
import type { Organization } from '../orgs/schema.ts';
import { hashOf } from '../portal-access/secret-tokens.ts';
import { escapeHtml } from '../portal-pages/escape.ts';
import { staffStripeSettingsUrl } from '../staff-app.ts';
import type { ConnectedAccount } from '../stripe/accounts.ts';
import { readConnection } from './connection.ts';
import type { StripeConnection } from './records.ts';
import { getOnboardingState } from './repository.ts';

/** Where Stripe sends the owner: `return` when they finish or leave onboarding, `refresh` when the link expired or was used. */
export const onboardingOutcomes = ['return', 'refresh'] as const;
type Outcome = (typeof onboardingOutcomes)[number];

export interface OnboardingPage {
  status: 200 | 404;
  html: string;
  /** Nothing runs or loads: only this response's nonce may style it. */
  contentSecurityPolicy: string;
}

/** `<orgId>.<secret>`: the secret is 32 random bytes, base64url (onboardingPageUrl in connection.ts). */
const STATE = /^([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/;

/**
 * The page an onboarding link returns to, without a sign-in: the address's
 * secret is looked up inside the organization it names, so an unknown,
 * expired or forged address (or another organization's id with this secret)
 * is the same 404 page and says nothing about who exists. The account's state
 * comes from `readConnection`, the rule `GET /v1/orgs/{orgId}/stripe` uses:
 * read from Stripe while it cannot take charges, and stored when it changed.
 */
export async function renderOnboardingPage(state: string, outcome: string): Promise<OnboardingPage> {
  if (!(onboardingOutcomes as readonly string[]).includes(outcome)) return notFound();
  const [, orgId, secret] = STATE.exec(state) ?? [];
  if (!orgId || !secret) return notFound();
  const stored = await getOnboardingState(orgId, hashOf(secret));
  if (!stored || stored.expiresAt <= clock.epochSeconds()) return notFound();
  const organization = await getOrganization(orgId);
  if (!organization) return notFound();
  let current: Awaited<ReturnType<typeof readConnection>>;
  try {
    current = await readConnection(orgId);
  } catch (error) {
    // Stripe no longer knows the account, or no longer lets Portico reach it.
    if (!(error instanceof NotFound || (error instanceof DomainError && error.code === 'STRIPE_ACCOUNT_UNAVAILABLE'))) throw error;
    return page(organization, 'Stripe cannot be reached for this account', [
      paragraph('Stripe no longer gives Portico access to this account. Connect Stripe again from Portico to take online payments.'),
      backLink(organization),
    ]);
  }
  if (!current || current.connection.accountId !== stored.accountId) return notFound();
  const { title, body } = content(organization, outcome as Outcome, current);
  return page(organization, title, body);
}

function content(
  organization: Organization,
  outcome: Outcome,
  { connection, account }: { connection: StripeConnection; account?: ConnectedAccount },
): { title: string; body: string[] } {
  const standing = connection.chargesEnabled
    ? [paragraph('Stripe is connected — you can take online payments.')]
    : stillNeeded(organization, account?.currentlyDue ?? []);
  if (outcome === 'refresh') {
    return {
      title: 'This Stripe link has expired',
      body: [
        paragraph(
          "Stripe's onboarding links work once and only for a few minutes, and this one was used or ran out. To get a new one, open the Stripe settings in Portico and choose Connect Stripe again: the new link continues where you left off.",
        ),
        ...standing,
        backLink(organization),
      ],
    };
  }
  if (connection.chargesEnabled) {
    return {
      title: 'Stripe is connected',
      body: [
        ...standing,
        paragraph('Turn on online payments in Portico if they are not on yet: your customers then see Pay on their invoices in the portal.'),
        backLink(organization),
      ],
    };
  }
  return {
    title: 'Stripe still needs some details',
    body: [
      ...standing,
      paragraph('To finish, open the Stripe settings in Portico and choose Connect Stripe again: you get a fresh link that continues where you left off.'),
      backLink(organization),
    ],
  };
}

/** What Stripe still needs before the account can take charges, in words, with Stripe's own names for support. */
function stillNeeded(organization: Organization, currentlyDue: string[]): string[] {
  if (currentlyDue.length === 0) {
    return [
      paragraph(
        `${organization.name} cannot take online payments yet: Stripe is checking the details you gave. This page shows the result once Stripe has finished; reload it later.`,
      ),
    ];
  }
  const items = currentlyDue.map((requirement) => `<li>${escapeHtml(requirementLabel(requirement))} <code>${escapeHtml(requirement)}</code></li>`);
  return [paragraph(`${organization.name} cannot take online payments yet. Stripe still needs:`), `<ul>${items.join('')}</ul>`];
}

const fieldLabels: Record<string, string> = {
  'business_profile.url': 'Your business website',
  'business_profile.mcc': 'Your industry',
  'business_profile.product_description': 'A description of what you sell',
  business_type: 'Your type of business',
};
const areaLabels: Record<string, string> = {
  business_profile: 'Your business profile',
  external_account: 'A bank account for payouts',
  tos_acceptance: "Acceptance of Stripe's terms of service",
  company: "Your company's details",
  individual: 'Your personal details',
  representative: 'Details of the person who represents the business',
  owners: "Details of the business's owners",
  directors: "Details of the business's directors",
  executives: "Details of the business's executives",
};

/** Stripe's name for a requirement (`business_profile.url`, `person_123.dob.day`) in words; an unknown one as Stripe names it. */
export function requirementLabel(requirement: string): string {
  const area = requirement.split('.')[0]!;
  return fieldLabels[requirement] ?? areaLabels[area] ?? (area.startsWith('person_') ? 'Details of a person in your business' : requirement);
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

const backLink = (organization: Organization) =>
  `<p><a class="button" href="${escapeHtml(staffStripeSettingsUrl(organization.id))}">Open the Stripe settings in Portico</a></p>`;

const STYLES =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2933}h1{font-size:1.4rem}code{font-size:.8em;color:#6b7280}a.button{display:inline-block;padding:.6rem 1.2rem;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px}.org{color:#6b7280}';

function page(organization: Organization | undefined, title: string, body: readonly string[], status: 200 | 404 = 200): OnboardingPage {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Portico</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
${organization ? `<p class="org">${escapeHtml(organization.name)} · Online payments</p>\n` : ''}<h1>${escapeHtml(title)}</h1>
${body.join('\n')}
</body>
</html>`;
  return {
    status,
    html,
    contentSecurityPolicy: `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  };
}

const notFound = () =>
  page(
    undefined,
    'This link is not valid',
    [paragraph('It may have expired. Sign in to Portico and open the Stripe settings to see how your Stripe account stands.')],
    404,
  );
