import { type EInvoiceFormat, FormatFactoryService, type Invoice, invoiceSchema, type Logger } from '@e-invoice-eu/core';
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import { log } from '../log.ts';
import { type EInvoiceFormatName, formatSpecs } from './formats.ts';
import { eInvoiceData, ublCustomization } from './invoice-data.ts';
import type { EInvoiceSource } from './source.ts';

/**
 * The library's format services, each with its invoice-data validator compiled once per process:
 * `InvoiceService.generate()` would compile the JSON Schema again on every call (110–760 ms), so this does
 * what it does — patch the schema for the format, validate (filling defaults), fill the format's defaults,
 * generate — with the validator kept.
 */

const libraryLogger: Logger = {
  log: () => {},
  warn: (message) => log.warn('e-invoice library warning', { message }),
  error: (message) => log.warn('e-invoice library error', { message }),
};

interface CompiledFormat {
  service: EInvoiceFormat;
  validate: ValidateFunction;
}

const factory = new FormatFactoryService();
const compiled = new Map<EInvoiceFormatName, CompiledFormat>();

function compiledFormat(format: EInvoiceFormatName): CompiledFormat {
  let entry = compiled.get(format);
  if (entry === undefined) {
    const service = factory.createFormatService(formatSpecs[format].library, libraryLogger);
    if (service.syntax === 'CII') withCiiCorrections(service);
    const schema = structuredClone(invoiceSchema);
    service.patchSchema(schema as never);
    const validate = new Ajv2019({ strict: true, allErrors: true, useDefaults: true }).compile(schema);
    entry = { service, validate };
    compiled.set(format, entry);
  }
  return entry;
}

/**
 * Two slips of the library's CII output, corrected where its CII services render XML (`renderXML`, Factur-X's
 * embedded XML included): it copies a line allowance's currency (mandatory in UBL) onto `ram:ActualAmount`, where
 * EN 16931 forbids it (CII-DT-031: only the tax total carries one), and writes a preceding invoice's date as
 * `udt:DateTimeString` where the CII schema wants `qdt:DateTimeString`.
 */
function withCiiCorrections(service: EInvoiceFormat): void {
  const xmlService = service as unknown as { renderXML(data: object): string };
  const render = xmlService.renderXML.bind(service);
  xmlService.renderXML = (data) =>
    render(data)
      .replace(/<ram:ActualAmount currencyID="[A-Z]{3}">/g, '<ram:ActualAmount>')
      .replace(
        /<ram:FormattedIssueDateTime>(\s*)<udt:DateTimeString format="102">(\d{8})<\/udt:DateTimeString>/g,
        '<ram:FormattedIssueDateTime>$1<qdt:DateTimeString format="102">$2</qdt:DateTimeString>',
      );
}

/**
 * The library's CII mapping reads a preceding invoice (BG-3) from `cac:BillingReference/cbc:ID` and copies its
 * date as is, while its schema (and UBL) put it in `cac:BillingReference/cac:InvoiceDocumentReference`: for CII
 * it is copied where it is read, the date as CII's format 102 (YYYYMMDD).
 */
function withCiiBillingReference(invoice: Invoice): void {
  for (const reference of invoice['ubl:Invoice']['cac:BillingReference'] ?? []) {
    const { 'cbc:ID': id, 'cbc:IssueDate': issueDate } = reference['cac:InvoiceDocumentReference'];
    Object.assign(reference, { 'cbc:ID': id, ...(issueDate === undefined ? {} : { 'cbc:IssueDate': issueDate.replaceAll('-', '') }) });
  }
}

/** Thrown when the invoice data does not fit the library's schema: a mapping defect, never the caller's. */
export class InvoiceDataRejected extends Error {
  constructor(readonly errors: unknown) {
    super(`The e-invoice data does not fit its schema: ${JSON.stringify(errors)}`);
  }
}

/** The e-invoice of a source in one format: XML text, or the PDF bytes for Factur-X (`pdf` is then required). */
export async function generateEInvoice(format: EInvoiceFormatName, source: EInvoiceSource, pdf?: Uint8Array): Promise<string | Uint8Array> {
  const { service, validate } = compiledFormat(format);
  const invoice: Invoice = eInvoiceData(source, format === 'ubl' ? ublCustomization(source) : undefined);
  if (!validate(invoice)) throw new InvoiceDataRejected(validate.errors);
  service.fillInvoiceDefaults(invoice);
  if (service.syntax === 'CII') withCiiBillingReference(invoice);
  const library = formatSpecs[format].library;
  return service.generate(invoice, {
    format: library,
    lang: 'en',
    ...(pdf === undefined ? {} : { pdf: { buffer: pdf, filename: `${source.document.number}.pdf`, mimetype: 'application/pdf' } }),
  });
}
