import type { Catalog, Messages } from '../catalog.ts';
import { documentWords } from './documents.ts';
import { portalWords } from './portal.ts';
import { portalErrors } from './portal-errors.ts';

/** Every catalog, by area, so one test checks them all; a new catalog file is listed here. */
export const catalogs: Readonly<Record<string, Catalog<Messages>>> = { documents: documentWords, portal: portalWords, portalErrors };
