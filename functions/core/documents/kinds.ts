import { NotFound } from '../errors.ts';

/** The document kinds, as stored, as they appear in URLs, and how their numbers start. */
export const documentKinds = ['invoice', 'estimate', 'retainer-invoice', 'credit-note'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const kindPaths = ['invoices', 'estimates', 'retainer-invoices', 'credit-notes'] as const;
export type KindPath = (typeof kindPaths)[number];

const byPath: Record<KindPath, DocumentKind> = {
  invoices: 'invoice',
  estimates: 'estimate',
  'retainer-invoices': 'retainer-invoice',
  'credit-notes': 'credit-note',
};

/** The `{kind}` segment of a kind's URLs: `retainer-invoice` → `retainer-invoices`. */
export const kindPath = (kind: DocumentKind): KindPath => kindPaths[documentKinds.indexOf(kind)]!;

const prefixes: Record<DocumentKind, string> = { invoice: 'INV', estimate: 'EST', 'retainer-invoice': 'RET', 'credit-note': 'CN' };

export const kindLabels: Record<DocumentKind, string> = {
  invoice: 'Invoice',
  estimate: 'Estimate',
  'retainer-invoice': 'Retainer invoice',
  'credit-note': 'Credit note',
};

/** `INV-000001`: six digits at least, more once a sequence passes 999,999. */
export function documentNumber(kind: DocumentKind, sequence: number): string {
  return `${prefixes[kind]}-${sequence.toString().padStart(6, '0')}`;
}

/** Invoices and retainer invoices ask for money; estimates and credit notes do not. */
export const isPayable = (kind: DocumentKind) => kind === 'invoice' || kind === 'retainer-invoice';

/** The `{kind}` of a path; any other segment there is not a route. */
export function kindFromPath(segment: string): DocumentKind {
  if (!(kindPaths as readonly string[]).includes(segment)) throw new NotFound('Route', 'ROUTE_NOT_FOUND');
  return byPath[segment as KindPath];
}
