import { invalidRequest } from './errors.ts';
import { embeddedList, type StripeList } from './lists.ts';
import type { Owner, StripeObject } from './objects.ts';
import type { Store } from './store.ts';

type Node = Record<string, unknown>;

/** Fields Stripe leaves out of an object unless they are expanded. */
const hiddenLists: Record<string, Record<string, (store: Store, owner: Owner, id: string) => StripeList<unknown>>> = {
  charge: {
    refunds: (store, owner, id) =>
      embeddedList(
        store.list(owner, 'refund').filter((refund) => refund.charge === id),
        `/v1/charges/${id}/refunds`,
      ),
  },
  'checkout.session': {
    line_items: (store, _owner, id) => embeddedList(store.sessionDetails.get(id)?.lineItems ?? [], `/v1/checkout/sessions/${id}/line_items`),
  },
};

/**
 * Applies `expand[]` paths (`payment_intent`, `payment_intent.latest_charge`,
 * `data.payment_intent` in lists) to a response the caller owns: ids become
 * the objects they name, hidden lists appear. Works on a copy.
 */
export function expand<T>(store: Store, owner: Owner, response: T, paths: string[]): T {
  const copy = structuredClone(response);
  for (const path of paths) walk(store, owner, copy as Node, path.split('.'), path);
  return copy;
}

function walk(store: Store, owner: Owner, node: Node, [head, ...rest]: string[], path: string) {
  if (head === undefined) return;
  if (node.object === 'list' && head === 'data') {
    for (const item of node.data as Node[]) walk(store, owner, item, rest, path);
    return;
  }
  const field = node[head];
  if (field === null) return; // nothing to expand yet (a session's payment intent before payment)
  const hidden = hiddenLists[String(node.object)]?.[head];
  let expanded: unknown = field;
  if (typeof field === 'string') expanded = structuredClone(store.visible(owner, field) as StripeObject | undefined);
  else if (field === undefined && hidden) expanded = hidden(store, owner, String(node.id));
  if (expanded === null || typeof expanded !== 'object') throw invalidRequest(`This property cannot be expanded (${path}).`, undefined, 'expand');
  node[head] = expanded;
  walk(store, owner, expanded as Node, rest, path);
}
