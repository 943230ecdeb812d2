import { defineCatalog } from '../catalog.ts';
import { portalDe } from './portal-de.ts';
import { portalEn } from './portal-en.ts';
import { portalEs } from './portal-es.ts';
import { portalFr } from './portal-fr.ts';

/** The client portal's pages: every word the browser app shows, in each language. */
export const portalWords = defineCatalog(portalEn, { de: portalDe, fr: portalFr, es: portalEs });
