/** The rule sets the e-invoice tests run, each compiled from its vendored source by scripts/build-einvoice-rules.ts. */
export const ruleSets = [
  { name: 'en16931-ubl', source: 'source/EN16931-UBL-validation.xslt' },
  { name: 'en16931-cii', source: 'source/EN16931-CII-validation.xslt' },
  { name: 'peppol-ubl', source: 'source/PEPPOL-EN16931-UBL.sch' },
  { name: 'peppol-cii', source: 'source/PEPPOL-EN16931-CII.sch' },
  { name: 'xrechnung-ubl', source: 'source/xrechnung/ubl/XRechnung-UBL-validation.sch' },
] as const;

export type RuleSetName = (typeof ruleSets)[number]['name'];
