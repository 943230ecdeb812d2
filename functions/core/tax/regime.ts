import { Unprocessable } from '../errors.ts';
import type { TaxSplit } from '../money/totals.ts';
import { isEuMember } from '../parties/countries.ts';
import type { Party } from '../parties/schema.ts';
import { gstinState, isEuVatId, vatIdCountry } from '../parties/tax-ids.ts';
import { gstStateCode, OUTSIDE_INDIA } from './india-states.ts';

/**
 * Which tax rules a document between these parties follows:
 * - `india`: the seller holds a GSTIN; within the seller's state CGST + SGST,
 *   otherwise IGST, by place of supply;
 * - `reverse_charge`: an EU seller registered for VAT selling to a business of
 *   another member state that gave its VAT id (Article 196);
 * - `oss`: an EU seller registered for the One-Stop Shop selling to a
 *   consumer in another member state: that state's rate (Article 58 and the OSS);
 * - `domestic`: everything else, the lines' own codes and rates.
 */
export type TaxRegime =
  | { kind: 'domestic' }
  | { kind: 'reverse_charge' }
  | { kind: 'oss'; destination: string }
  | { kind: 'india'; sellerState: string; placeOfSupply: string; split: TaxSplit };

export function taxRegime(seller: Party, buyer: Party, oss: boolean): TaxRegime {
  if (seller.taxScheme === 'gst' && seller.taxId && (seller.address?.country ?? 'IN') === 'IN') {
    const sellerState = gstinState(seller.taxId);
    const placeOfSupply = placeOfSupplyOf(buyer) ?? sellerState;
    return { kind: 'india', sellerState, placeOfSupply, split: placeOfSupply === sellerState ? 'cgst_sgst' : 'igst' };
  }
  const sellerCountry = seller.address?.country ?? (seller.taxId ? vatIdCountry(seller.taxId) : undefined);
  if (seller.taxScheme !== 'vat' || sellerCountry === undefined || !isEuMember(sellerCountry)) return { kind: 'domestic' };
  const buyerVatCountry = buyer.taxScheme === 'vat' && buyer.taxId && isEuVatId(buyer.taxId) ? vatIdCountry(buyer.taxId) : undefined;
  const buyerCountry = buyer.address?.country ?? buyerVatCountry;
  const crossBorder = buyerCountry !== undefined && buyerCountry !== sellerCountry;
  // A VAT id of a member state, or of Northern Ireland (XI, trading goods with the EU).
  if (crossBorder && buyerVatCountry !== undefined && (isEuMember(buyerVatCountry) || buyer.taxId!.startsWith('XI'))) return { kind: 'reverse_charge' };
  if (crossBorder && oss && isEuMember(buyerCountry)) return { kind: 'oss', destination: buyerCountry };
  return { kind: 'domestic' };
}

/** The buyer's state: its GSTIN's, else its address's region; `96` abroad; undefined for a consumer with no address. */
function placeOfSupplyOf(buyer: Party): string | undefined {
  if (buyer.taxScheme === 'gst' && buyer.taxId) return gstinState(buyer.taxId);
  if (!buyer.address) return undefined;
  if (buyer.address.country !== 'IN') return OUTSIDE_INDIA;
  const state = gstStateCode(buyer.address.region);
  if (state === undefined) {
    throw new Unprocessable(
      'UNKNOWN_PLACE_OF_SUPPLY',
      "The contact's address region does not name an Indian state (its GST code such as 29, ISO code such as KA, or name), so the place of supply is unknown.",
      { field: 'contactId' },
    );
  }
  return state;
}
