import type { Catalog, Messages } from '../catalog.ts';
import { documentWords } from './documents.ts';
import { emailWords } from './emails.ts';
import { pdfWords } from './pdf.ts';
import { portalWords } from './portal.ts';
import { portalErrors } from './portal-errors.ts';

/** Every catalog, by area, so one test checks them all; a new catalog file is listed here. */
export const catalogs: Readonly<Record<string, Catalog<Messages>>> = {
  documents: documentWords,
  emails: emailWords,
  pdf: pdfWords,
  portal: portalWords,
  portalErrors,
};
