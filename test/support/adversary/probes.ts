import { randomUUID } from 'node:crypto';
import { type Route, routeList } from '../../../functions/routes.ts';
import { jsonSchemaOf, sample } from './samples.ts';
import { type CustomerSide, secretsOf, type Tenant } from './world.ts';

/** One request of the matrix, and what must not come back in its answer. */
export interface Probe {
  route: string;
  method: string;
  path: string;
  body?: unknown;
  token?: string;
  /** Ids and names of others: none may appear in the response. */
  secrets: string[];
  /** Set where the answer must be exactly this status (a token of the wrong pool). */
  expectStatus?: number;
  idempotencyKey?: string;
}

/** The kind of thing an id slot names, from its name: `contactId` and `contactIds` name contacts, `cursor` a list position. */
export function slotKind(name: string): string | undefined {
  if (name === 'portalName') return 'portal';
  if (name === 'cursor') return 'cursor';
  return /^(\w+?)Ids?$/.exec(name)?.[1];
}

type Values = Record<string, string[]>;

/** What a caller may refer to: its own organization, customer and their documents. */
function ownValues(tenant: Tenant, customer: CustomerSide, staff: boolean): Values {
  const visible = staff ? tenant.customers : [customer];
  return {
    org: [tenant.orgId],
    portal: [tenant.portalName],
    contact: visible.map((side) => side.id),
    person: visible.flatMap((side) => side.personIds),
    doc: visible.flatMap((side) => side.docs.map((doc) => doc.id)),
    comment: customer.commentIds,
    payment: customer.paymentIds,
    cursor: [],
  };
}

/** What a caller must never reach: the other tenant's everything, and for a portal person the other customer of their own business too. */
function foreignValues(victim: Tenant, sibling: CustomerSide | undefined): Values {
  const customers = sibling ? [...victim.customers, sibling] : victim.customers;
  return {
    org: [victim.orgId],
    portal: [victim.portalName],
    contact: customers.map((customer) => customer.id),
    person: customers.flatMap((customer) => customer.personIds),
    doc: customers.flatMap((customer) => customer.docs.map((doc) => doc.id)),
    comment: customers.flatMap((customer) => customer.commentIds),
    payment: customers.flatMap((customer) => customer.paymentIds),
    cursor: victim.cursors,
  };
}

interface Slot {
  part: 'path' | 'query' | 'body';
  name: string;
  kind: string;
  many: boolean;
}

/** Every id slot of a route, found in its path, query and body schemas. */
export function idSlots(route: Route): Slot[] {
  const slots: Slot[] = [];
  for (const name of [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!)) {
    const kind = slotKind(name);
    if (kind) slots.push({ part: 'path', name, kind, many: false });
  }
  for (const part of ['query', 'body'] as const) {
    const properties: Record<string, { type?: string }> = jsonSchemaOf(route[part])?.properties ?? {};
    for (const [name, schema] of Object.entries(properties)) {
      const kind = slotKind(name);
      if (kind) slots.push({ part, name, kind, many: schema.type === 'array' });
    }
  }
  return slots;
}

const documentKinds = ['invoices', 'estimates', 'retainer-invoices'];

/** An id as given, and as a lookup that normalizes case, trims or matches prefixes would wrongly still find it. */
const variants = (value: string) => [value, value.toUpperCase(), `${value} `, value.slice(0, -1), `${value}0`];

function buildProbe(route: Route, values: Record<string, string>, kind: string, token: string | undefined, secrets: string[], expectStatus?: number): Probe {
  const slots = idSlots(route);
  const path = route.path
    .replace('{kind}', kind)
    .replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? String(sample({ type: 'string' }, name))));
  const query = new URLSearchParams();
  for (const slot of slots.filter((candidate) => candidate.part === 'query' && values[candidate.name] !== undefined)) query.set(slot.name, values[slot.name]!);
  let body: unknown;
  if (route.body) {
    const base = sample(jsonSchemaOf(route.body)) as Record<string, unknown>;
    for (const slot of slots.filter((candidate) => candidate.part === 'body')) {
      const value = values[slot.name];
      if (value !== undefined) base[slot.name] = slot.many ? [value] : value;
    }
    body = base;
  }
  return { route: route.key, method: route.method, path: query.size ? `${path}?${query}` : path, body, token, secrets, expectStatus };
}

/**
 * The matrix for one attacker: every route, every id slot swapped to each
 * foreign value in turn (the others the attacker's own), and all slots swapped
 * at once; as staff and as the attacker's portal person; and each route with a
 * token of the wrong pool.
 */
export function probesFor(attacker: Tenant, victim: Tenant): Probe[] {
  const [customer, sibling] = attacker.customers;
  const probes: Probe[] = [];
  for (const route of routeList()) {
    const slots = idSlots(route);
    const roles =
      route.auth === 'portal'
        ? [{ token: customer.portalToken, foreign: foreignValues(victim, sibling), wrongToken: attacker.staffToken }]
        : route.auth === 'none'
          ? [{ token: undefined, foreign: foreignValues(victim, sibling), wrongToken: undefined }]
          : [{ token: attacker.staffToken, foreign: foreignValues(victim, undefined), wrongToken: customer.portalToken }];
    for (const role of roles) {
      const own = ownValues(attacker, customer, route.auth === 'member' || route.auth === 'staff');
      const secrets = route.auth === 'portal' || route.auth === 'none' ? [...secretsOf(victim), ...secretsOf(sibling)] : secretsOf(victim);
      for (const kind of route.path.includes('{kind}') ? documentKinds : ['invoices']) {
        const base = Object.fromEntries(slots.filter((slot) => slot.part === 'path').map((slot) => [slot.name, own[slot.kind]?.[0] ?? 'x']));
        for (const slot of slots) {
          for (const value of role.foreign[slot.kind] ?? []) {
            for (const variant of variants(value)) probes.push(buildProbe(route, { ...base, [slot.name]: variant }, kind, role.token, secrets));
          }
        }
        // The other tenant's organization or portal with each of the caller's own ids: a lookup must be scoped by both.
        const scope = slots.find((slot) => slot.part === 'path' && (slot.kind === 'org' || slot.kind === 'portal'));
        for (const slot of slots.filter((candidate) => candidate.part === 'path' && candidate !== scope && scope)) {
          for (const value of own[slot.kind] ?? []) {
            probes.push(buildProbe(route, { ...base, [scope!.name]: role.foreign[scope!.kind]![0]!, [slot.name]: value }, kind, role.token, secrets));
          }
        }
        if (slots.length > 1) {
          const allForeign = Object.fromEntries(slots.map((slot) => [slot.name, role.foreign[slot.kind]?.[0] ?? 'x']));
          probes.push(buildProbe(route, allForeign, kind, role.token, secrets));
        }
        if (role.wrongToken) probes.push(buildProbe(route, base, kind, role.wrongToken, secrets, 401));
      }
    }
  }
  return probes.map((probe) => ({ ...probe, idempotencyKey: randomUUID() }));
}
