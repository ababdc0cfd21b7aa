/**
 * Text placed into generated Markdown pages. Doc text from the spec is Markdown and stays
 * Markdown, but it must not change the page's structure or run code in a viewer:
 *
 * - raw HTML (`<script>`, `<img onerror=…>`, comments) outside code is escaped as `&lt;`, so it
 *   shows as text; autolinks such as `<https://example.com>` are kept;
 * - lines that would become headings (`# …`, or a setext underline `---`/`===`) are escaped with
 *   `\`, so a callback's doc cannot open a section of its own;
 * - table cells get `\|` for `|` and `<br>` for line breaks;
 * - code spans that we build pick a backtick fence longer than any run inside the text.
 *
 * Line terminators become LF and invisible or reordering characters are shown (visible.ts).
 */

import { FenceTracker, rewriteOutsideCodeSpans } from "./code-spans.js";
import { makeVisible } from "./visible.js";

const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/;

/** Escapes `<` that would open live HTML, outside inline code spans. */
function escapeInlineHtml(line: string): string {
  return rewriteOutsideCodeSpans(line, (rest) => {
    if (rest[0] !== "<") return undefined;
    const autolink = AUTOLINK.exec(rest);
    if (autolink) return [autolink[0], autolink[0].length];
    return /^<[A-Za-z/!?]/.test(rest) ? ["&lt;", 1] : undefined;
  });
}

/** Neutralises a line that Markdown would read as a heading. */
function escapeHeadingLike(line: string): string {
  if (/^\s{0,3}#/.test(line)) return line.replace("#", "\\#");
  if (/^\s{0,3}(=+|-{2,})\s*$/.test(line)) return line.replace(/[=-]/, (c) => `\\${c}`);
  return line;
}

/** A block of Markdown doc text, safe to place in a page under our own headings. */
export function mdBlock(text: string): string {
  const lines = makeVisible(text).split("\n");
  const fences = new FenceTracker();
  const out: string[] = [];
  for (const raw of lines) {
    if (fences.update(raw) || fences.inFence) out.push(raw.trimEnd());
    else out.push(escapeHeadingLike(escapeInlineHtml(raw.trimEnd())));
  }
  if (fences.inFence) out.push(fences.marker); // close a fence the author left open, so it cannot swallow the page
  while (out.length > 0 && out[0] === "") out.shift();
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

/** One-line Markdown text (a summary in a paragraph or heading): line breaks become spaces. */
export function mdInline(text: string): string {
  return makeVisible(text)
    .split("\n")
    .map((line) => escapeInlineHtml(line.trim()))
    .filter((line) => line !== "")
    .join(" ")
    .replace(/^(\s*)#/, "$1\\#");
}

/**
 * Text for one GFM table cell: `|` is escaped (also inside code spans, where GFM requires it
 * too) and line breaks become `<br>`.
 */
export function mdCell(text: string): string {
  return makeVisible(text)
    .split("\n")
    .map((line) => escapeInlineHtml(line.trim()).replace(/\|/g, "\\|"))
    .filter((line) => line !== "")
    .join("<br>");
}

/** An inline code span showing `text` verbatim, with a fence longer than any backtick run in it. */
export function mdCode(text: string): string {
  const oneLine = makeVisible(text).replace(/\n/g, " ");
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = oneLine.startsWith("`") || oneLine.endsWith("`") || oneLine.startsWith(" ") ? " " : "";
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/** {@link mdCode} for a table cell: also escapes `|`. */
export function mdCodeCell(text: string): string {
  return mdCode(text).replace(/\|/g, "\\|");
}

/** Text inside an HTML comment (`<!-- … -->`): it can neither close the comment nor break the line. */
export function mdCommentText(text: string): string {
  return makeVisible(text).replace(/\n/g, " ").replace(/--/g, "-\\-").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
