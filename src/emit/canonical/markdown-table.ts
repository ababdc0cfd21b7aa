/**
 * Markdown tables in Prettier's layout: every column padded to its widest cell (at least three
 * columns wide), the delimiter row of dashes as wide as the column, cells left-aligned.
 */

import { markdownWidth } from "./markdown-width.js";

/** Prettier never makes a column narrower than three dashes. */
export const MIN_COLUMN_WIDTH = 3;

/**
 * A cell's width for padding. When the width is unknown (see markdownWidth) the guess of one
 * column per code point only affects layout: the certifier rejects such a table, and Prettier
 * then lays it out itself.
 */
function cellWidth(text: string): number {
  return markdownWidth(text) ?? [...text].length;
}

/** See `MarkdownHelpers.table`. */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(MIN_COLUMN_WIDTH, ...all.map((row) => cellWidth(row[column] ?? ""))));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => { const cell = cells[column] ?? ""; return cell + " ".repeat(width - cellWidth(cell)); }).join(" | ")} |`;
  return [line(header), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...rows.map(line)].join("\n");
}
