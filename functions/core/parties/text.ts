import type { Address, Party } from './schema.ts';

/** An address on one line, as PDFs print it under a name. */
export function addressText(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  const parts = [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country];
  const text = parts.filter((part) => part !== undefined && part !== '').join(', ');
  return text === '' ? undefined : text;
}

/** A tax id with its scheme, as PDFs print it: `VAT DE136695976`, `GSTIN 29…`. */
export const taxIdText = (party: Party) => (party.taxId ? `${party.taxScheme === 'gst' ? 'GSTIN' : 'VAT'} ${party.taxId}` : undefined);
