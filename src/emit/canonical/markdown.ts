/**
 * Canonical Markdown: the docs templates write Markdown exactly as Prettier (default options)
 * would print it, and {@link isCanonicalMarkdown} recognises text that is certainly in that
 * form, so the write stage can skip Prettier for it (Prettier's Markdown formatting is the
 * costliest step of a cold run). The check is conservative: anything it is not sure of
 * returns false, and Prettier then formats the file as before.
 *
 * The grammar is line based. Blocks are separated by exactly one blank line (Prettier's own
 * separator) and each block is one of: a one-line HTML comment (the generated-file header),
 * an ATX heading, a fenced block in a language Prettier does not format, a table in
 * Prettier's aligned layout, a tight `- ` list of one-paragraph items, or a paragraph. Inline
 * content is checked by markdown-inline.ts.
 */

import { isCanonicalInline } from "./markdown-inline.js";
import { markdownWidth } from "./markdown-width.js";
import { MIN_COLUMN_WIDTH } from "./markdown-table.js";

/**
 * Fence languages Prettier leaves alone (it formats embedded code it has a parser for, such
 * as ts, js, json, css, yaml, markdown; these it has none for). Checked against Prettier by
 * test/emit/canonical-markdown.test.ts.
 */
export const VERBATIM_FENCE_LANGUAGES: ReadonlySet<string> = new Set(["", "mermaid", "text", "sh", "bash", "console", "python"]);

/** The generated-file header: one HTML comment line with no `--`, `<` or `>` in its text. */
const HEADER_COMMENT = /^<!-- (?:(?!--)[^<>])* -->$/;

/** An ATX heading: one to six `#`, one space, then the text. */
const HEADING = /^#{1,6} (.+)$/;

/**
 * Whether a line may begin a paragraph (or a list item's text) without being read as some
 * other block: letters, digits not forming an ordered-list marker, a code span, a link, a
 * quote, parenthesis or sentence punctuation, `_` emphasis or `**` strong (both then checked
 * inline). `#`, `-`, `+`, `*`, `>`, `|`, `:`, `=`, `~`, `<tag` and spaces all open blocks.
 */
function startsAsText(line: string): boolean {
  if (/^\d+[.)]( |$)/.test(line)) return false;
  if (line.startsWith("```")) return false;
  if (line.startsWith("**")) return true;
  // `<` only before a space, `=` or a digit: never an HTML block or an autolink.
  if (/^<[ =0-9]/.test(line)) return true;
  return /^[\p{L}\p{N}`[("'_).,;!?—–·→←…“”‘’«»]/u.test(line);
}

/** Splits a table row into its raw cells (between unescaped pipes), or undefined when it is not a row. */
function rowCells(line: string): string[] | undefined {
  if (!line.startsWith("| ") || !line.endsWith(" |") || line.length < 4) return undefined;
  return line.slice(1, -1).split(/(?<!\\)\|/);
}

/** A table block: header, delimiter row, body rows, every column padded as Prettier pads it. */
function isCanonicalTable(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const delimiter = rowCells(lines[1]!);
  if (!delimiter) return false;
  const widths: number[] = [];
  for (const cell of delimiter) {
    const dashes = /^ (-+) $/.exec(cell);
    if (!dashes) return false;
    widths.push(dashes[1]!.length);
  }
  const widest = widths.map(() => MIN_COLUMN_WIDTH);
  for (const [index, line] of lines.entries()) {
    if (index === 1) continue;
    const cells = rowCells(line);
    if (!cells || cells.length !== widths.length) return false;
    for (const [column, cell] of cells.entries()) {
      if (!cell.startsWith(" ") || !cell.endsWith(" ")) return false;
      const inner = cell.slice(1, -1);
      const content = inner.trimEnd();
      if (content.startsWith(" ") || !isCanonicalInline(content, "cell")) return false;
      const width = markdownWidth(content);
      if (width === undefined || width + (inner.length - content.length) !== widths[column]) return false;
      widest[column] = Math.max(widest[column]!, width);
    }
  }
  return widest.every((width, column) => width === widths[column]);
}

/** A tight list: `- ` items whose text may continue on lines indented by two spaces. */
function isCanonicalList(lines: readonly string[]): boolean {
  for (const line of lines) {
    const text = line.startsWith("- ") ? line.slice(2) : line.startsWith("  ") ? line.slice(2) : undefined;
    if (text === undefined || !startsAsText(text) || !isCanonicalInline(text, "text")) return false;
  }
  return true;
}

/** A paragraph: lines of inline text, none of which could start another block. */
function isCanonicalParagraph(lines: readonly string[]): boolean {
  return lines.every((line) => startsAsText(line) && isCanonicalInline(line, "text"));
}

/** A heading's text: inline text that neither starts nor ends with `#` (a closing sequence). */
function isCanonicalHeading(line: string): boolean {
  const match = HEADING.exec(line);
  if (!match) return false;
  const text = match[1]!;
  return !text.startsWith("#") && !text.endsWith("#") && !text.startsWith(" ") && isCanonicalInline(text, "text");
}

/**
 * True only when Prettier 3 with default options would print `text` unchanged. Sound for any
 * input (false when unsure); tuned to recognise what the built-in templates render.
 */
export function isCanonicalMarkdown(text: string): boolean {
  if (!text.endsWith("\n") || /[\r\t]/.test(text)) return false;
  const lines = text.slice(0, -1).split("\n");
  let i = 0;
  let previousKind = "";
  while (i < lines.length) {
    if (i > 0) {
      // Exactly one blank line between blocks, none at the start or the end.
      if (lines[i] !== "" || i + 1 >= lines.length) return false;
      i++;
    }
    const first = lines[i]!;
    if (first === "" || /\s$/.test(first)) return false;
    if (first.startsWith("```")) {
      const language = first.slice(3);
      if (!VERBATIM_FENCE_LANGUAGES.has(language)) return false;
      const close = lines.indexOf("```", i + 1);
      if (close < 0 || close === i + 1) return false;
      // A longer backtick run inside would make Prettier pick a longer fence.
      if (lines.slice(i + 1, close).some((line) => line.includes("```") || /\s$/.test(line))) return false;
      i = close + 1;
      previousKind = "fence";
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end] !== "") end++;
    const block = lines.slice(i, end);
    if (block.some((line) => /\s$/.test(line))) return false;
    let kind: string;
    if (first.startsWith("<!--")) {
      kind = "comment";
      if (i !== 0 || block.length !== 1 || !HEADER_COMMENT.test(first) || /prettier/i.test(first)) return false;
    } else if (first.startsWith("#")) {
      kind = "heading";
      if (block.length !== 1 || !isCanonicalHeading(first)) return false;
    } else if (first.startsWith("|")) {
      kind = "table";
      if (!isCanonicalTable(block)) return false;
    } else if (first.startsWith("- ")) {
      kind = "list";
      // Two lists with only a blank line between them are one loose list to Prettier.
      if (previousKind === "list" || !isCanonicalList(block)) return false;
    } else {
      kind = "paragraph";
      if (!isCanonicalParagraph(block)) return false;
    }
    previousKind = kind;
    i = end;
  }
  return lines.length > 0 && lines[0] !== "";
}
