import Stripe from 'stripe';
import { stripeId } from './ids.ts';
import type { StripeEvent } from './objects.ts';

export type DeliveryMode = 'duplicate' | 'reorder' | 'delay' | 'drop';

/**
 * How to deliver the events a rule matches (by connected account and type):
 * `duplicate` sends `copies` at once, `delay` waits `delayMs`, `drop` never
 * sends (the event is still listed), `reorder` holds events and sends them
 * newest first once `count` are held or on a flush. With a `count`, the rule
 * ends after that many events; without one, it lasts until it is cleared.
 */
export interface DeliveryRule {
  id: string;
  mode: DeliveryMode;
  account?: string;
  types?: string[];
  count?: number;
  copies?: number;
  delayMs?: number;
}

/** One POST of an event to a webhook endpoint, with what it answered. */
export interface Delivery {
  id: string;
  eventId: string;
  type: string;
  account: string | null;
  url: string;
  /** The endpoint's status code; null when it could not be reached (then `error`). */
  status: number | null;
  error?: string;
  payload: string;
  signature: string;
  at: string;
}

interface ActiveRule extends DeliveryRule {
  matched: number;
  held: StripeEvent[];
}

/** Posts events, signed with the endpoint's secret as Stripe signs them, to the webhook endpoint; no automatic retries. */
export class Deliveries {
  private rules: ActiveRule[] = [];
  private readonly made: Delivery[] = [];
  /** Overrides of the endpoint, per connected account (tests point their own accounts at their own receivers); '' for all. */
  private readonly urls = new Map<string, string>();

  constructor(
    private readonly defaultUrl: string,
    private readonly secret: string,
  ) {}

  addRule(rule: Omit<DeliveryRule, 'id'>): DeliveryRule {
    const active = { ...rule, id: stripeId('rule'), matched: 0, held: [] };
    this.rules.push(active);
    return { id: active.id, ...rule };
  }

  /** Ends the rules (of one account, or all); events a `reorder` rule holds are sent, newest first. */
  clearRules(account?: string) {
    const [ending, kept] = partition(this.rules, (rule) => account === undefined || rule.account === account);
    this.rules = kept;
    for (const rule of ending) this.release(rule.held);
  }

  /** Sends what `reorder` rules hold, newest first, and ends those rules. */
  flush(account?: string) {
    const [ending, kept] = partition(this.rules, (rule) => rule.mode === 'reorder' && (account === undefined || rule.account === account));
    this.rules = kept;
    for (const rule of ending) this.release(rule.held);
  }

  setUrl(account: string | undefined, url: string | undefined) {
    if (url === undefined) this.urls.delete(account ?? '');
    else this.urls.set(account ?? '', url);
  }

  list(filter: { account?: string; eventId?: string; type?: string }): Delivery[] {
    return this.made.filter(
      (delivery) =>
        (filter.account === undefined || delivery.account === filter.account) &&
        (filter.eventId === undefined || delivery.eventId === filter.eventId) &&
        (filter.type === undefined || delivery.type === filter.type),
    );
  }

  /** What happens to a new event: the first matching rule decides, otherwise it is sent now. Never waits for the endpoint. */
  dispatch(event: StripeEvent) {
    const rule = this.rules.find((candidate) => matches(candidate, event));
    if (!rule) return void this.send(event);
    rule.matched += 1;
    if (rule.count !== undefined && rule.matched >= rule.count) this.rules = this.rules.filter((candidate) => candidate !== rule);
    switch (rule.mode) {
      case 'duplicate':
        for (let copy = 0; copy < (rule.copies ?? 2); copy += 1) void this.send(event);
        return;
      case 'delay':
        setTimeout(() => void this.send(event), rule.delayMs ?? 1000);
        return;
      case 'drop':
        return;
      case 'reorder':
        rule.held.push(event);
        if (rule.count !== undefined && rule.matched >= rule.count) this.release(rule.held);
        return;
    }
  }

  /** Signs and posts one event now; resolves with the delivery record (an unreachable endpoint is recorded, not thrown). */
  async send(event: StripeEvent): Promise<Delivery> {
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: this.secret });
    const url = this.urls.get(event.account ?? '') ?? this.urls.get('') ?? this.defaultUrl;
    const delivery: Delivery = {
      id: stripeId('whdel'),
      eventId: event.id,
      type: event.type,
      account: event.account ?? null,
      url,
      status: null,
      payload,
      signature,
      at: '',
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': signature,
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
      if (response.ok) event.pending_webhooks = 0;
    } catch (error) {
      delivery.error = (error as Error).message;
    }
    delivery.at = new Date().toISOString();
    this.made.push(delivery);
    return delivery;
  }

  /** Held events go out one after another, newest first, so the receiver sees them reversed. */
  private release(held: StripeEvent[]) {
    const events = [...held].reverse();
    held.length = 0;
    void (async () => {
      for (const event of events) await this.send(event);
    })();
  }
}

const matches = (rule: DeliveryRule, event: StripeEvent) =>
  (rule.account === undefined || rule.account === event.account) && (rule.types === undefined || rule.types.includes(event.type));

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
