import type { SectionName } from './config.ts';

/**
 * What a function can be bound to. Each need is one config section (its
 * variables and their schema, config.ts); lib/needs-binding.ts gives the same
 * keys their values and IAM grants in AWS, scripts/local/function-environment.ts
 * their local values. A need has a level where its grants differ by use.
 */
interface Levels {
  table: 'read' | 'readwrite';
  /**
   * `session`: the calls the pool's app client or the person's own access token
   * authorizes (sign-in, refresh, reset codes, TOTP), which need no IAM grant;
   * `admin`: the Admin API calls (create, delete, set a password, sign out everywhere, reset MFA).
   */
  portalPool: 'session' | 'admin';
  staffPool: true;
  email: true;
  /** Reads the operator's daily mail limits: every function that sends mail, and the route that shows them. */
  mailLimits: true;
  /** Builds portal URLs. */
  web: true;
  /** Calls Stripe with the platform's keys. */
  stripe: true;
  /** Delivers outgoing webhooks (the destination policy). */
  outgoingWebhooks: true;
  /** The logo bucket: `read` serves and embeds the logo; `readwrite` also signs uploads, stores a checked logo and deletes uploads. */
  logoBucket: 'read' | 'readwrite';
  /** Sends an effect that kept failing to its dead-letter queue. */
  deadLetters: true;
}

export type NeedName = SectionName;
export type Needs = { [N in NeedName]?: Levels[N] };

/** The needs a function is bound to, in a stable order. */
export const needNames = (needs: Needs): NeedName[] => (Object.keys(needs) as NeedName[]).filter((name) => needs[name] !== undefined).sort();

/**
 * Needs that are only variables: no IAM grant goes with them (lib/needs-binding.ts
 * grants nothing for them; the stack test holds it). Routes that differ only in
 * these can share a function without any of them gaining a permission.
 */
const variablesOnly: Needs = { web: true, staffPool: true, portalPool: 'session' };

/** The needs that come with IAM grants. */
export const grantingNeeds = (needs: Needs): Needs =>
  Object.fromEntries(
    needNames(needs)
      .filter((name) => variablesOnly[name] !== needs[name])
      .map((name) => [name, needs[name]]),
  );
