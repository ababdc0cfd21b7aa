/**
 * Text as a TypeScript string literal, quoted the way Prettier (default options) prints it:
 * double quotes, unless the text holds more double quotes than single quotes. The escapes
 * follow JSON.stringify (quotes, backslashes, control characters, lone surrogates); U+2028/
 * U+2029 are legal inside JS strings but are line breaks to editors and older tools, and bidi
 * controls would reorder the code around them on screen, so those are escaped too. Prettier
 * keeps every one of these escapes as written. The literal's value is unchanged.
 */
export function tsString(text: string): string {
  // The usual case: nothing to escape and no quote to weigh.
  if (!NEEDS_CARE.test(text)) return `"${text}"`;
  const escaped = JSON.stringify(text).replace(
    /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  if (countOf(text, '"') <= countOf(text, "'")) return escaped;
  // Fewer escapes in single quotes: `\"` becomes `"`, and `'` gets a backslash.
  const body = escaped.slice(1, -1).replace(/\\(.)|'/g, (match, escapedChar: string | undefined) =>
    escapedChar === undefined ? "\\'" : escapedChar === '"' ? '"' : match,
  );
  return `'${body}'`;
}

/** Anything JSON.stringify or the extra escapes change, and both quotes (they decide the quoting). */
const NEEDS_CARE = /["'\\\u0000-\u001f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/;

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** One-line text for a `//` comment: no line breaks, no invisible characters. */
export function lineCommentText(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
