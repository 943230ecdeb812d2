import { lookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Unprocessable } from '../errors.ts';

/** Where an endpoint may not point: private, loopback, link-local, shared, multicast and reserved ranges (RFC 6890), both families. */
const forbidden = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  forbidden.addSubnet(network, prefix, 'ipv6');
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Under the local runtime alone, plain-http loopback endpoints are accepted, so a test can receive deliveries. */
export interface DestinationPolicy {
  allowLoopbackHttp: boolean;
}

/** Whether the policy lets a connection go to this address. */
export function addressAllowed(address: string, policy: DestinationPolicy): boolean {
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return addressAllowed(mapped[1]!, policy);
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (mappedHex) {
    const [high, low] = [Number.parseInt(mappedHex[1]!, 16), Number.parseInt(mappedHex[2]!, 16)];
    return addressAllowed(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, policy);
  }
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (policy.allowLoopbackHttp && loopback.check(address, family)) return true;
  return !forbidden.check(address, family);
}

export class ForbiddenDestination extends Unprocessable {
  constructor(reason: string) {
    super('WEBHOOK_URL_REFUSED', `The webhook URL is refused: ${reason}.`, { field: 'url' });
  }
}

/** Checks a URL's form: https (plain http only to loopback locally), no credentials, a host. Addresses are checked when connecting. */
export function checkUrl(raw: string, policy: DestinationPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ForbiddenDestination('not a URL');
  }
  if (url.username || url.password) throw new ForbiddenDestination('credentials in the URL');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host) !== 0;
  if (url.protocol === 'http:') {
    const isLoopback = host === 'localhost' || (literal && loopback.check(host, isIP(host) === 6 ? 'ipv6' : 'ipv4'));
    if (!(policy.allowLoopbackHttp && isLoopback)) throw new ForbiddenDestination('only https is accepted');
  } else if (url.protocol !== 'https:') {
    throw new ForbiddenDestination('only https is accepted');
  }
  if (literal && !addressAllowed(host, policy)) throw new ForbiddenDestination('a private, loopback or link-local address');
  return url;
}

/**
 * A DNS lookup for the delivery's sockets that refuses a name resolving to any
 * forbidden address. It runs on every connection, redirects included, and the
 * socket connects to exactly the address checked: no window for DNS rebinding.
 */
export function guardedLookup(policy: DestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as { address: string; family: number }[];
      const refused = list.find((entry) => !addressAllowed(entry.address, policy));
      if (refused || list.length === 0) return callback(new ForbiddenDestination('it resolves to a private, loopback or link-local address'), '', 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

/** Resolves a URL's host now, so a refused destination is refused when the endpoint is created, not only at delivery. */
export async function checkResolvedUrl(raw: string, policy: DestinationPolicy): Promise<URL> {
  const url = checkUrl(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) return url;
  await new Promise<void>((resolve, reject) =>
    guardedLookup(policy)(host, { all: true }, (error) =>
      error ? reject(error instanceof ForbiddenDestination ? error : new ForbiddenDestination('its host does not resolve')) : resolve(),
    ),
  );
  return url;
}
