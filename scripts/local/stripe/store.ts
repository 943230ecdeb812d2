import { resourceMissing } from './errors.ts';
import type { AccountLinkRecord, ObjectName, ObjectOf, Owner, SessionDetails, StripeObject } from './objects.ts';

/** The double's state, in memory for the life of the runtime. Every object has one owner; to every other caller it does not exist. */
export class Store {
  private readonly objects = new Map<string, { owner: Owner; value: StripeObject }>();
  readonly sessionDetails = new Map<string, SessionDetails>();
  /** By the token in the link's URL. */
  readonly accountLinks = new Map<string, AccountLinkRecord>();

  put<T extends StripeObject>(owner: Owner, value: T): T {
    this.objects.set(value.id, { owner, value });
    return value;
  }

  /** Any object by id, with its owner: for the pages and the control API, which act for whoever owns it. */
  locate<N extends ObjectName>(name: N, id: string): { owner: Owner; value: ObjectOf<N> } | undefined {
    const entry = this.objects.get(id);
    return entry?.value.object === name ? (entry as { owner: Owner; value: ObjectOf<N> }) : undefined;
  }

  /** The object as `owner` sees it: Stripe's 404 `resource_missing` when it is another account's or does not exist. */
  get<N extends ObjectName>(owner: Owner, name: N, id: string, param = 'id'): ObjectOf<N> {
    const entry = this.locate(name, id);
    if (!entry || entry.owner !== owner) throw resourceMissing(name, id, param);
    return entry.value;
  }

  /** Any of `owner`'s objects by id: what an id in a response expands to. */
  visible(owner: Owner, id: string): StripeObject | undefined {
    const entry = this.objects.get(id);
    return entry?.owner === owner ? entry.value : undefined;
  }

  /** Every owner's objects of a kind: for what happens by itself, like sessions lapsing. */
  all<N extends ObjectName>(name: N): ObjectOf<N>[] {
    return [...this.objects.values()].filter((entry) => entry.value.object === name).map((entry) => entry.value as ObjectOf<N>);
  }

  /** One owner's objects of a kind, newest first as Stripe lists them. */
  list<N extends ObjectName>(owner: Owner, name: N): ObjectOf<N>[] {
    const found: ObjectOf<N>[] = [];
    for (const entry of this.objects.values()) if (entry.owner === owner && entry.value.object === name) found.push(entry.value as ObjectOf<N>);
    return found.reverse();
  }
}
