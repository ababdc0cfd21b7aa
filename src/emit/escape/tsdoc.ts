/**
 * Markdown doc text → the lines of a TSDoc comment, safely and (for readers of the rendered
 * docs) losslessly. TSDoc and Markdown both read `\` before punctuation as "this character
 * literally", so the escapes below display as the original text:
 *
 * - `*​/` becomes `*\/`: the comment can never be closed early.
 * - `@` at the start of a line (after spaces, `*` or `/`) becomes `\@`, so doc text cannot start
 *   a block tag or spell a compiler directive such as `@ts-ignore`; `@` after a space becomes
 *   `\@` too (outside code spans and fences), because TypeScript starts a new tag there inside
 *   `@param`/`@remarks` text. `{@link …}` written by the author stays live.
 * - a line starting with `///` becomes `\///`, so it can never read as a triple-slash directive.
 * - CR, CRLF, U+2028 and U+2029 become LF; bidi controls, other control characters, NUL and
 *   lone surrogates are shown as `\u{hex}` (see visible.ts).
 *
 * The trade-off: inside fenced code, a line-start `@` is still escaped (TypeScript's JSDoc
 * parser would read it as a tag there too), so such a line shows a backslash.
 */

import { makeVisible } from "./visible.js";
import { FenceTracker, rewriteOutsideCodeSpans } from "./code-spans.js";


/** Escapes one line of text; `inFence` says whether it is inside a fenced code block. */
function escapeLine(line: string, inFence: boolean): string {
  // Every rule below needs one of these characters; most doc lines have none.
  if (!line.includes("/") && !line.includes("@")) return line;
  let out = line.replace(/\*\//g, "*\\/");
  out = out.replace(/^(\s*)\/\/\//, "$1\\///");
  // A line-start `@` (only spaces, `*` or `/` before it) is a tag or directive position.
  out = out.replace(/^([\s*/]*)@/, "$1\\@");
  if (!inFence) out = escapeSpacedAts(out);
  return out;
}

/** `\@` for every `@` that follows whitespace outside backtick code spans. */
function escapeSpacedAts(line: string): string {
  return rewriteOutsideCodeSpans(line, (rest, previous) => (rest[0] === "@" && previous !== undefined && /\s/.test(previous) ? ["\\@", 1] : undefined));
}

/**
 * The text as safe comment lines (without the leading ` * `). Leading and trailing blank lines
 * are dropped; trailing spaces are trimmed (they would be invisible anyway).
 */
export function tsdocLines(text: string): string[] {
  const lines = makeVisible(text).split("\n");
  const fences = new FenceTracker();
  const out: string[] = [];
  for (const raw of lines) {
    const wasInFence = fences.inFence;
    const isFence = fences.update(raw);
    out.push(escapeLine(raw.trimEnd(), wasInFence && !isFence));
  }
  while (out.length > 0 && out[0] === "") out.shift();
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

/**
 * A whole `/** … *​/` block at the given indentation from lines that are already safe (from
 * {@link tsdocLines}, or tag lines built from them). Empty when there are no lines.
 */
export function tsdocBlock(lines: readonly string[], indent = ""): string {
  if (lines.length === 0) return "";
  const body = lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`));
  return [`${indent}/**`, ...body, `${indent} */`].join("\n");
}
