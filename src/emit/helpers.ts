/**
 * The text helpers every template receives on `it`. Templates never escape anything by hand:
 * they call these, so safety lives in one tested place (src/emit/escape/).
 */

import { mdBlock, mdCell, mdCode, mdCodeCell, mdCommentText, mdInline } from "./escape/markdown.js";
import { lineCommentText, tsString } from "./escape/string-literal.js";
import { tsdocBlock, tsdocLines } from "./escape/tsdoc.js";
import { memoLines, memoText } from "./memo.js";
import { mdTable } from "./canonical/markdown-table.js";
import { tsLayout, type TsLayoutHelpers } from "./canonical/ts-layout.js";

/** Markdown helpers (see escape/markdown.ts for the exact rules). */
export interface MarkdownHelpers {
  /** A block of doc text, safe under our own headings. */
  block(text: string): string;
  /** One-line text for a paragraph or heading. */
  inline(text: string): string;
  /** Text for a table cell (`|` escaped, line breaks as `<br>`). */
  cell(text: string): string;
  /** An inline code span with balanced backticks. */
  code(text: string): string;
  /** An inline code span inside a table cell. */
  codeCell(text: string): string;
  /** Text inside `<!-- … -->`. */
  comment(text: string): string;
  /**
   * A table as Prettier prints it (columns padded to their widest cell). Header and cells are
   * Markdown already escaped for a cell (`cell`, `codeCell`); one string per line, no final newline.
   */
  table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string;
}

/** Helpers on every template's `it`. */
export interface TemplateHelpers {
  /** Markdown doc text → safe TSDoc comment lines (without the ` * ` prefix). */
  tsdoc(text: string): string[];
  /** Safe lines → a `/** … *​/` block at `indent`; empty string for no lines. */
  tsdocBlock(lines: readonly string[], indent?: string): string;
  /** Any text → a TypeScript string literal with the same value. */
  str(text: string): string;
  /** Any text → one line that is safe inside a `//` comment. */
  lineComment(text: string): string;
  md: MarkdownHelpers;
  /** Code layout in Prettier's form for spec-dependent constructs (src/emit/canonical/ts-layout.ts). */
  layout: TsLayoutHelpers;
}

/** The one helpers object (stateless, so shared). */
export const templateHelpers: TemplateHelpers = {
  tsdoc: memoLines(tsdocLines),
  tsdocBlock,
  str: tsString,
  lineComment: lineCommentText,
  md: {
    block: memoText(mdBlock),
    inline: memoText(mdInline),
    cell: memoText(mdCell),
    code: memoText(mdCode),
    codeCell: memoText(mdCodeCell),
    comment: mdCommentText,
    table: mdTable,
  },
  layout: tsLayout,
};
