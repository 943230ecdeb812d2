/** The rule sets the e-invoice tests run, each compiled from its vendored source by scripts/build-einvoice-rules.ts. */
export const ruleSets = [
  { name: 'en16931-ubl', syntax: 'ubl', source: 'source/EN16931-UBL-validation.xslt' },
  { name: 'en16931-cii', syntax: 'cii', source: 'source/EN16931-CII-validation.xslt' },
  { name: 'peppol-ubl', syntax: 'ubl', source: 'source/PEPPOL-EN16931-UBL.sch' },
  { name: 'peppol-cii', syntax: 'cii', source: 'source/PEPPOL-EN16931-CII.sch' },
] as const;

export type RuleSetName = (typeof ruleSets)[number]['name'];
