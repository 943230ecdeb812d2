/**
 * pdfkit wraps a word wider than its box by measuring ever shorter prefixes,
 * which is quadratic in the word's length (a 2,000-character word took about
 * 45 ms a line). Words are therefore cut before pdfkit sees them into pieces
 * that surely fit: no standard-font glyph is wider than this many ems.
 */
const WIDEST_GLYPH_EM = 1.05;

/** The text with every word longer than fits on one line of `width` points at `fontSize` split onto lines of its own. */
export function breakLongWords(text: string, width: number, fontSize: number): string {
  const fits = Math.max(1, Math.floor(width / (fontSize * WIDEST_GLYPH_EM)));
  return text.replace(new RegExp(`\\S{${fits + 1},}`, 'g'), (word) => word.match(new RegExp(`\\S{1,${fits}}`, 'g'))!.join('\n'));
}
