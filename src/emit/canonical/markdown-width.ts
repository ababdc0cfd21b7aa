/**
 * The display width Prettier gives a table cell when it pads Markdown tables: one column per
 * character, two for East Asian wide and fullwidth characters, none for combining marks.
 * Emoji and many symbols have widths that depend on the characters around them (variation
 * selectors, joiners, skin tones), so only characters whose width is certain are measured;
 * anything else makes the width unknown, and the certifier then leaves the file to Prettier.
 */

/** Ranges of code points that are always one column wide and never part of an emoji sequence. */
const NARROW: ReadonlyArray<readonly [number, number]> = [
  [0x20, 0x7e], // printable ASCII
  [0xa1, 0xa8], // Latin-1 punctuation and signs (© and ® are emoji, left out)
  [0xaa, 0xac], // (U+00AD, the soft hyphen, is invisible: left out)
  [0xaf, 0xff],
  [0x100, 0x24f], // Latin Extended-A and -B
  [0x370, 0x377], // Greek and Coptic
  [0x37a, 0x37f],
  [0x384, 0x38a],
  [0x38c, 0x38c],
  [0x38e, 0x3a1],
  [0x3a3, 0x3ff],
  [0x400, 0x482], // Cyrillic letters (before its combining marks)
  [0x48a, 0x4ff],
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x203b], // per mille … reference mark (‼ U+203C is an emoji)
  [0x2190, 0x2193], // ← ↑ → ↓ (↔ and the diagonals are emoji)
];

/** Ranges that are always two columns wide (CJK ideographs, kana, Hangul, fullwidth forms). */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x3001, 0x302f], // CJK punctuation (〰 U+3030 and 〽 U+303D are emoji, left out)
  [0x3041, 0x3096], // Hiragana
  [0x30a1, 0x30fa], // Katakana
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xac00, 0xd7a3], // Hangul syllables
  [0xff01, 0xff60], // fullwidth forms
];

/** Combining diacritical marks: zero columns. */
const ZERO: ReadonlyArray<readonly [number, number]> = [[0x300, 0x36f]];

function inRanges(ranges: ReadonlyArray<readonly [number, number]>, codePoint: number): boolean {
  return ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
}

/**
 * The width Prettier measures for `text` (a cell's printed content), or undefined when the
 * text holds a character whose width this module does not know for certain.
 */
export function markdownWidth(text: string): number | undefined {
  // The common case, all printable ASCII: one column per character.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (inRanges(NARROW, codePoint)) width += 1;
    else if (inRanges(WIDE, codePoint)) width += 2;
    else if (inRanges(ZERO, codePoint)) width += 0;
    else return undefined;
  }
  return width;
}
