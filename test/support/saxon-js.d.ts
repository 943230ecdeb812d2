/** The part of SaxonJS 2 (which ships no types) the e-invoice rules use. */
declare module 'saxon-js' {
  interface TransformOptions {
    stylesheetInternal: unknown;
    sourceText: string;
    destination: 'serialized';
  }
  const SaxonJS: { transform(options: TransformOptions, mode: 'sync'): { principalResult: string } };
  export default SaxonJS;
}
