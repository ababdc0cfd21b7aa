/**
 * The escapers: doc text into TSDoc comments, string literals, Markdown. Each hostile case is
 * checked by what a real parser makes of the result, not by comparing strings we made up.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mdBlock, mdCell, mdCode, mdCommentText, mdInline } from "../../src/emit/escape/markdown.js";
import { tsString } from "../../src/emit/escape/string-literal.js";
import { tsdocBlock, tsdocLines } from "../../src/emit/escape/tsdoc.js";
import { HOSTILE_DOC } from "./fixture-model.js";

const { ts, Project } = await import("ts-morph");
const markdown = (await import("prettier/plugins/markdown")).parsers["markdown"]!;

/** A documented declaration, as the emitters write them. */
function documented(text: string): string {
  return `${tsdocBlock(tsdocLines(text))}\nexport declare function documented(): void;\n`;
}

/** Top-level statement kinds and the number of comment blocks before the declaration. */
function shape(source: string): { statements: string[]; comments: number } {
  const file = ts.createSourceFile("x.ts", source, ts.ScriptTarget.ES2022, true);
  const statements = file.statements.map((s) => ts.SyntaxKind[s.kind]);
  const first = file.statements[0];
  const comments = first ? (ts.getLeadingCommentRanges(source, first.getFullStart()) ?? []).length : 0;
  return { statements, comments };
}

/** Strings rich in the characters that matter here. */
const hostileText = fc.string({
  unit: fc.constantFrom("*", "/", "@", "`", " ", "\n", "\r", "\u2028", "\u2029", "\u202e", "\u0000", "\ud800", "a", "<", "#", "|", "-", "t", "s"),
  maxLength: 60,
});

describe("TSDoc", () => {
  it("cannot be closed early by any text: one comment, then the same declaration", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const result = shape(documented(text));
        expect(result.statements).toEqual(["FunctionDeclaration"]);
        expect(result.comments).toBe(tsdocLines(text).length > 0 ? 1 : 0);
      }),
      { numRuns: 300 },
    );
  });

  it("escapes */ as *\\/ and leaves other slashes alone", () => {
    expect(tsdocLines("a */ b **/ c / d")).toEqual(["a *\\/ b **\\/ c / d"]);
  });

  it("neutralises @ at line starts, directives and triple-slash lines", () => {
    expect(tsdocLines("@ts-ignore\n  @ts-nocheck\n* @ts-expect-error\n/// <reference path=\"x\" />")).toEqual([
      "\\@ts-ignore",
      "  \\@ts-nocheck",
      "* \\@ts-expect-error",
      '\\/// <reference path="x" />',
    ]);
  });

  it("escapes a spaced @ that would start a tag, but not inside code or {@link}", () => {
    expect(tsdocLines("see @param x, `a @b`, {@link Foo}, me@host")).toEqual([
      "see \\@param x, `a @b`, {@link Foo}, me@host",
    ]);
    expect(tsdocLines("```\nx @y\n```")).toEqual(["```", "x @y", "```"]);
  });

  it("does not let doc text silence a type error after it (@ts-ignore stays text)", async () => {
    const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, noEmit: true } });
    const body = (doc: string) => `${tsdocBlock(tsdocLines(doc))}\nexport const x: number = "not a number";\n`;
    project.createSourceFile("plain.ts", body("Just text."));
    project.createSourceFile("ignore.ts", body("@ts-ignore"));
    project.createSourceFile("expect.ts", body("x\n@ts-expect-error"));
    project.createSourceFile("nocheck.ts", body("@ts-nocheck\n// @ts-nocheck"));
    const errorsByFile = new Map<string, number>();
    for (const d of project.getPreEmitDiagnostics()) {
      const name = d.getSourceFile()?.getBaseName() ?? "";
      errorsByFile.set(name, (errorsByFile.get(name) ?? 0) + 1);
    }
    // The control file proves the checker reports the error at all.
    expect(Object.fromEntries(errorsByFile)).toEqual({ "plain.ts": 1, "ignore.ts": 1, "expect.ts": 1, "nocheck.ts": 1 });
  });

  it("normalises CR, CRLF, U+2028 and U+2029 to separate lines", () => {
    expect(tsdocLines("a\rb\r\nc\u2028d\u2029e")).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("shows bidi controls, other control characters, NUL and lone surrogates", () => {
    const [line] = tsdocLines("x\u202ey\u2066z\u0000w\u0007v\ud800u\udc00t\u{1f600}");
    expect(line).toBe("x\\u{202e}y\\u{2066}z\\u{0}w\\u{7}v\\u{d800}u\\u{dc00}t\u{1f600}");
  });

  it("is lossless: undoing the documented escapes gives the text back", () => {
    const plain = fc.string({ unit: fc.constantFrom("*", "/", "@", "`", " ", "\n", "a", "<", "#", "t"), maxLength: 60 });
    fc.assert(
      fc.property(plain, (text) => {
        const back = tsdocLines(text)
          .join("\n")
          .replace(/\*\\\//g, "*/")
          .replace(/\\@/g, "@")
          .replace(/^(\s*)\\\/\/\//gm, "$1///");
        const expected = text
          .split("\n")
          .map((l) => l.trimEnd())
          .join("\n")
          .replace(/^\n+|\n+$/g, "");
        expect(back).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("string literals", () => {
  it("keep the value of any string and contain no raw line separators or bidi controls", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const literal = tsString(text);
        expect(JSON.parse(literal)).toBe(text);
        expect(literal).not.toMatch(/[\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        const file = ts.createSourceFile("s.ts", `export const s = ${literal};\n`, ts.ScriptTarget.ES2022);
        expect(file.statements).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Markdown", () => {
  type Node = { type: string; children?: Node[]; value?: string };
  const parse = async (text: string) => (await markdown.parse(text, {} as never)) as unknown as Node;
  const types = (node: Node): string[] => [node.type, ...(node.children ?? []).flatMap(types)];

  it("keeps doc text from opening headings or live HTML", async () => {
    const page = `## Section\n\n${mdBlock(HOSTILE_DOC + "\nparagraph\n---\n<img src=x onerror=alert(1)>")}\n`;
    const found = types(await parse(page));
    expect(found.filter((t) => t === "heading")).toHaveLength(1);
    expect(found).not.toContain("html");
    expect(found).not.toContain("thematicBreak");
  });

  it("keeps code spans and fenced code verbatim, and autolinks live", async () => {
    const text = "`<b>` and <https://example.com>\n```\n# not escaped <i>\n```";
    const out = mdBlock(text);
    expect(out).toBe(text);
    expect(types(await parse(out))).toContain("link");
  });

  it("closes a fence the author left open, so it cannot swallow the rest of the page", async () => {
    const page = `${mdBlock("```\ncode")}\n\n## After\n`;
    expect(types(await parse(page))).toContain("heading");
  });

  it("keeps a table cell in its cell whatever the text holds", async () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(mdCell(text)).not.toMatch(/(^|[^\\])\|/);
        expect(mdCell(text)).not.toContain("\n");
      }),
    );
    const table = `| a | b |\n| --- | --- |\n| ${mdCell("x | y\nz `p|q` <script>")} | 2 |\n`;
    const root = await parse(table);
    const rows = root.children?.[0]?.children ?? [];
    expect(root.children?.[0]?.type).toBe("table");
    expect(rows[1]?.children).toHaveLength(2);
    // The only HTML is the line break we put in ourselves.
    const html = (node: Node): string[] => [...(node.type === "html" ? [node.value ?? ""] : []), ...(node.children ?? []).flatMap(html)];
    expect(html(root)).toEqual(["<br>"]);
  });

  it("builds code spans with balanced backticks that show the text verbatim", async () => {
    for (const text of ["a`b", "``x``", "`", "plain", " lead"]) {
      const root = await parse(`x ${mdCode(text)} y\n`);
      const code = root.children?.[0]?.children?.find((n) => n.type === "inlineCode");
      expect(code?.value).toBe(text);
    }
  });

  it("makes one-line text and comment text safe", () => {
    expect(mdInline("# a\nb <script>")).toBe("\\# a b &lt;script>");
    const comment = mdCommentText("x --> y\nz");
    expect(`<!-- ${comment} -->`.indexOf("-->")).toBe(`<!-- ${comment} `.length);
    expect(comment).not.toContain("\n");
  });
});
