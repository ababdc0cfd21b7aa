/**
 * Canonical TypeScript: the built-in code templates lay out their output the way Prettier
 * (default options) prints it, and {@link isCanonicalTypeScript} tells whether a rendered file
 * certainly is in that form, so the write stage can skip Prettier for it.
 *
 * The templates (with the layout helpers of ts-layout.ts) print every construct in Prettier's
 * form whenever it fits in 80 columns; what they cannot promise shows in the text, and this
 * check looks for exactly that: lines too long for Prettier to leave alone, blank lines where
 * Prettier removes them, and the few spots where the model's flat printing of user types and
 * default values differs from Prettier's (string quotes, quoted keys, number spelling, nested
 * array literals that Prettier always breaks).
 */

import { scanCode } from "./ts-scan.js";

/** Prettier's default print width. */
const PRINT_WIDTH = 80;

/**
 * Lines Prettier prints unbroken whatever their length: comments, a test call's header
 * (`it("…", () => {`, kept on one line by Prettier's test-call rule) and a lone string literal
 * (what a broken argument list, array or `key:` value leaves on its own line).
 */
const UNBREAKABLE_LINE: readonly RegExp[] = [
  /^\s*\/\//,
  /^\s*\/\*\*(?:.*\*\/)?$/,
  /^\s*\*(?: |\/|$)/,
  /^\s*(?:it|describe)\((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'), \(\) => \{$/,
  /^\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'),?$/,
];

/** A lifecycle table row with its trailing comment: Prettier does not count the comment. */
const ROW_WITH_COMMENT = /^(\s*\[[-\d, ]*\],) \/\/ state \d+$/;

/** Lines that hold a user's default value (the model prints it flat). */
const DEFAULT_VALUE_LINE = /^\s*return |\.toEqual\(|\.deepStrictEqual\(/;

/**
 * True only when Prettier 3 with default options would print `text` unchanged, provided the
 * text was rendered by the built-in templates (which lay out every construct canonically when
 * it fits; the check rejects what they cannot promise, such as over-long lines).
 */
export function isCanonicalTypeScript(text: string): boolean {
  if (!text.endsWith("\n") || text.startsWith("\n") || text.includes("\r")) return false;
  const scan = scanCode(text);
  if (!scan.ok) return false;
  const lines = text.slice(0, -1).split("\n");
  for (let i = 0; i < lines.length; i++) {
    const current = lines[i]!;
    if (/\s$/.test(current)) return false;
    if (current === "") {
      // Prettier keeps at most one blank line, and none at the start or end of a block.
      const before = lines[i - 1] ?? "";
      const after = lines[i + 1] ?? "";
      if (before === "" || after === "" || /[{[(]$/.test(before) || /^\s*[}\])]/.test(after)) return false;
      continue;
    }
    // A template literal in code comes from the templates' own static text, which is
    // Prettier's output already (Prettier never breaks inside template literals).
    if (!scan.templateLines.has(i) && !fitsOrIsUnbreakable(current)) return false;
    if (DEFAULT_VALUE_LINE.test(current) && /\[\s*[[{]/.test(current)) return false;
  }
  return true;
}

const NON_ASCII = /[^\x00-\x7f]/;

function fitsOrIsUnbreakable(line: string): boolean {
  if (widthAtMost(line) <= PRINT_WIDTH) return true;
  if (UNBREAKABLE_LINE.some((shape) => shape.test(line))) return true;
  const row = ROW_WITH_COMMENT.exec(line);
  return row !== null && widthAtMost(row[1]!) <= PRINT_WIDTH;
}

/**
 * An upper bound of the width Prettier measures: ASCII is one column, anything else at most
 * two (East Asian wide characters and emoji are two, combining marks zero).
 */
function widthAtMost(line: string): number {
  if (!NON_ASCII.test(line)) return line.length;
  let width = 0;
  for (const char of line) width += char.charCodeAt(0) < 0x80 ? 1 : 2;
  return width;
}
