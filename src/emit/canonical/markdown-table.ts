/**
 * Markdown tables in Prettier's layout: every column padded to its widest cell, the delimiter
 * row of dashes as wide as the column.
 */

/** See `MarkdownHelpers.table`. Placeholder: compact rows until the aligned layout lands. */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
