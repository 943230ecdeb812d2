import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import SaxonJS from 'saxon-js';
import type { RuleSetName } from './einvoice-rules/rule-sets.ts';

/**
 * The official rules an e-invoice must pass, run in process: the OASIS UBL 2.1 and UN/CEFACT CII D16B schemas
 * (libxml2-wasm), the EN 16931 Schematron, the Peppol BIS Billing 3.0 rules and KoSIT's XRechnung rules (SaxonJS, from the SEF files
 * scripts/build-einvoice-rules.ts compiles). Compiled rules take a second or two to load: a test file loads each once.
 */

const rulesDirectory = fileURLToPath(new URL('./einvoice-rules/', import.meta.url));

/** One failed assertion of a Schematron rule set, as SVRL reports it. */
export interface RuleFinding {
  id: string;
  flag: string;
  location: string;
  text: string;
}

/**
 * SaxonJS computes `xs:integer` beyond 2^53 wrongly, so the Peppol IBAN check (German rule DE-R-019, mod 97
 * over the IBAN as one integer) can warn about a correct IBAN; exactly that rule is ignored.
 */
export const ignoredRules: readonly string[] = ['DE-R-019'];

const stylesheets = new Map<RuleSetName, unknown>();

function stylesheet(name: RuleSetName): unknown {
  let compiled = stylesheets.get(name);
  if (compiled === undefined) {
    compiled = JSON.parse(gunzipSync(readFileSync(`${rulesDirectory}compiled/${name}.sef.json.gz`)).toString('utf8'));
    stylesheets.set(name, compiled);
  }
  return compiled;
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((match) => [match[1]!, decodeXml(match[2]!)]));
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity]!);
}

/** Every failed assertion and successful report of one rule set on one document (warnings included). */
export function runRules(name: RuleSetName, xml: string): RuleFinding[] {
  const svrl = SaxonJS.transform({ stylesheetInternal: stylesheet(name), sourceText: xml, destination: 'serialized' }, 'sync').principalResult;
  return [...svrl.matchAll(/<svrl:(?:failed-assert|successful-report)\b([^>]*)>([\s\S]*?)<\/svrl:(?:failed-assert|successful-report)>/g)].map((match) => {
    const attrs = attributes(match[1]!);
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2]!)?.[1] ?? '';
    return { id: attrs.id ?? '', flag: attrs.flag ?? 'fatal', location: attrs.location ?? '', text: decodeXml(text).trim() };
  });
}

/** The findings that fail a document: every fatal one, less the rule `ignoredRules` names. */
export function ruleFailures(name: RuleSetName, xml: string): RuleFinding[] {
  return runRules(name, xml).filter((finding) => finding.flag !== 'warning' && !ignoredRules.includes(finding.id));
}

const schemaFiles: Record<string, string> = {
  'ubl-invoice': 'xsd/ubl-2.1/maindoc/UBL-Invoice-2.1.xsd',
  'ubl-credit-note': 'xsd/ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd',
  cii: 'xsd/cii-d16b/CrossIndustryInvoice_100pD16B.xsd',
};
const validators = new Map<string, XsdValidator>();
let fileInputRegistered = false;

function schemaFor(xml: string): string {
  if (xml.includes('<rsm:CrossIndustryInvoice')) return 'cii';
  return /<(?:\w+:)?CreditNote\b/.test(xml) ? 'ubl-credit-note' : 'ubl-invoice';
}

/** The XSD errors of a UBL invoice or credit note or a CII invoice, as libxml2 words them; empty when valid. */
export function schemaErrors(xml: string): string[] {
  if (!fileInputRegistered) fileInputRegistered = xmlRegisterFsInputProviders();
  const name = schemaFor(xml);
  let validator = validators.get(name);
  if (validator === undefined) {
    const path = `${rulesDirectory}${schemaFiles[name]}`;
    const schema = XmlDocument.fromBuffer(readFileSync(path), { url: path });
    try {
      validator = XsdValidator.fromDoc(schema);
    } finally {
      schema.dispose();
    }
    validators.set(name, validator);
  }
  const document = XmlDocument.fromString(xml);
  try {
    validator.validate(document);
    return [];
  } catch (error) {
    const details = (error as { details?: { message: string; line?: number }[] }).details;
    return details?.map((detail) => `${detail.line ?? '?'}: ${detail.message.trim()}`) ?? [String(error)];
  } finally {
    document.dispose();
  }
}
