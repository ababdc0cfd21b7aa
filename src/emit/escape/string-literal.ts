/**
 * Text as a TypeScript string literal. JSON.stringify already escapes quotes, backslashes,
 * control characters and lone surrogates; U+2028/U+2029 are legal inside JS strings but are
 * line breaks to editors and older tools, and bidi controls would reorder the code around
 * them on screen, so those are escaped too. The literal's value is unchanged.
 */
export function tsString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** One-line text for a `//` comment: no line breaks, no invisible characters. */
export function lineCommentText(text: string): string {
  return tsString(text).slice(1, -1);
}
