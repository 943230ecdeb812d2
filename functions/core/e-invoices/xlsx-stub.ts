/**
 * Stands in for `@e965/xlsx` in the e-invoice function's bundle (lib/settings/bundling.ts): @e-invoice-eu/core
 * reads spreadsheets with it, an input Portico never gives it.
 */
export {};
