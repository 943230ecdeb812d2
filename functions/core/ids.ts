import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/** Opaque, unguessable ids with a readable prefix: `org_3kq…`, `con_…`. */
export function newId(prefix: string): string {
  const bytes = randomBytes(16);
  let id = '';
  for (const byte of bytes) id += alphabet[byte & 31];
  return `${prefix}_${id}`;
}
