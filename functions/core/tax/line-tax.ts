import { Unprocessable } from '../errors.ts';
import type { TaxCode } from './codes.ts';
import { reducedRate, standardRate } from './oss-rates.ts';
import type { TaxRegime } from './regime.ts';

export interface LineTaxInput {
  taxCode?: TaxCode;
  taxRate?: number;
  hsnSac?: string;
}

export interface LineTax {
  taxCode: TaxCode;
  taxRate: number;
}

/**
 * The code and rate a line is taxed at under the document's regime, on its
 * issue date. A line without a code is `standard` with a rate and `zero`
 * without. Reverse charge turns every taxed line (standard, reduced, zero)
 * into `reverse_charge` at 0 %; OSS takes the destination's rate from the
 * dated table; India wants an HSN/SAC code on every line.
 */
export function lineTax(regime: TaxRegime, line: LineTaxInput, issueDate: string, field: string): LineTax {
  const taxCode = line.taxCode ?? ((line.taxRate ?? 0) > 0 ? 'standard' : 'zero');
  const taxRate = line.taxRate ?? 0;
  switch (regime.kind) {
    case 'reverse_charge':
      return taxCode === 'standard' || taxCode === 'reduced' || taxCode === 'zero' ? { taxCode: 'reverse_charge', taxRate: 0 } : { taxCode, taxRate };
    case 'oss':
      if (taxCode === 'standard') return { taxCode, taxRate: standardRate(regime.destination, issueDate, `${field}.taxRate`) };
      if (taxCode === 'reduced') return { taxCode, taxRate: reducedRate(regime.destination, issueDate, line.taxRate, `${field}.taxRate`) };
      return { taxCode, taxRate };
    case 'india':
      if (line.hsnSac === undefined) {
        throw new Unprocessable('HSN_SAC_REQUIRED', "A GST-registered organization's document lines need an HSN or SAC code.", { field: `${field}.hsnSac` });
      }
      return { taxCode, taxRate };
    case 'domestic':
      return { taxCode, taxRate };
  }
}

/** Whether the rules changed what the author wrote (the line then keeps what was written, for later edits). */
export function changedByRules(line: LineTaxInput, tax: LineTax): boolean {
  const written = line.taxCode ?? ((line.taxRate ?? 0) > 0 ? 'standard' : 'zero');
  return written !== tax.taxCode || (line.taxRate ?? 0) !== tax.taxRate;
}
