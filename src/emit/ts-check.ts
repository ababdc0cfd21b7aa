/**
 * A cheap syntax check of rendered TypeScript with Prettier's TypeScript parser (the write
 * stage loads it anyway to format), so a template that renders broken code is reported instead
 * of producing a file that does not compile.
 */

/** Where the text stops parsing, or undefined when it parses. */
export interface SyntaxProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

type Parser = { parse(text: string, options: object): unknown };
let parser: Promise<Parser> | undefined;

async function typescriptParser(): Promise<Parser> {
  parser ??= import("prettier/plugins/typescript").then((m) => m.parsers["typescript"] as unknown as Parser);
  return parser;
}

/** Parses `text` as TypeScript; returns the first syntax error, if any. */
export async function findSyntaxError(text: string): Promise<SyntaxProblem | undefined> {
  const ts = await typescriptParser();
  try {
    ts.parse(text, {});
    return undefined;
  } catch (error) {
    const loc = (error as { loc?: { start?: { line?: number; column?: number } } }).loc?.start;
    const message = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, "") : String(error);
    return { line: loc?.line ?? 1, column: loc?.column ?? 1, message };
  }
}
