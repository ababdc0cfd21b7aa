/**
 * The Markdown certifier (src/emit/canonical/markdown.ts) against Prettier itself.
 *
 * Soundness: whenever `isCanonicalMarkdown(text)` is true, Prettier 3 with default options
 * prints `text` unchanged. Checked on every docs page of the flagship spec, of the benchmark
 * spec and of every valid corpus spec, on generated specs, and on adversarial documents.
 * Coverage: every docs page of the flagship and benchmark specs certifies.
 */
import { readdirSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { loadModelFromText } from "../../src/api/load-model.js";
import { isCanonicalMarkdown, VERBATIM_FENCE_LANGUAGES } from "../../src/emit/canonical/markdown.js";
import { mdTable } from "../../src/emit/canonical/markdown-table.js";
import { markdownWidth } from "../../src/emit/canonical/markdown-width.js";
import { mdBlock, mdCell, mdCode, mdCodeCell, mdInline } from "../../src/emit/escape/markdown.js";
import { emitSpec } from "../../src/emit/index.js";
import { renderSpec, validSpec, type SpecObject } from "../helpers/spec-arbitrary.js";
import { REPO_ROOT } from "./project.js";

/** Prettier's output for `text` as a Markdown file (always with a file path, as the write stage does). */
function prettierMarkdown(text: string): Promise<string> {
  return prettier.format(text, { parser: "markdown", filepath: "x.md" });
}

/** The docs pages the built-in templates render for a spec. */
async function renderedDocs(specText: string): Promise<Array<{ path: string; content: string; canonical: boolean }>> {
  const { model, diagnostics } = await loadModelFromText(specText);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const result = await emitSpec(model!, { tests: "vitest", checkSyntax: false, emit: { classes: false, tests: false, docs: true } });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.files.filter((f) => f.parser === "markdown").map((f) => ({ path: f.path, content: f.content, canonical: f.canonical === true }));
}

/** Asserts the soundness promise for one text; returns whether it was certified. */
async function expectSound(text: string, label = text): Promise<boolean> {
  const certified = isCanonicalMarkdown(text);
  if (certified) expect(await prettierMarkdown(text), label).toBe(text);
  return certified;
}

describe("docs of specs/asyncio.yaml", () => {
  it("all certify, and Prettier leaves every one unchanged", async () => {
    const docs = await renderedDocs(readFileSync(`${REPO_ROOT}specs/asyncio.yaml`, "utf8"));
    expect(docs.length).toBeGreaterThan(1);
    for (const doc of docs) {
      expect(doc.canonical, doc.path).toBe(true);
      expect(await prettierMarkdown(doc.content), doc.path).toBe(doc.content);
    }
  });
});

describe("docs of the benchmark spec (50 families × 20 callbacks)", () => {
  it("all certify, and Prettier leaves every one unchanged", async () => {
    const inputs = (await import(pathToFileURL(`${REPO_ROOT}bench/inputs.mjs`).href)) as { protoskelSpec(families: number, callbacks: number): string };
    const docs = await renderedDocs(inputs.protoskelSpec(50, 20));
    expect(docs.length).toBe(51);
    for (const doc of docs) {
      expect(doc.canonical, doc.path).toBe(true);
      expect(await prettierMarkdown(doc.content), doc.path).toBe(doc.content);
    }
  });
});

describe("docs of the valid corpus specs", () => {
  it("are left unchanged by Prettier whenever certified", async () => {
    const dir = `${REPO_ROOT}test/corpus/specs/`;
    const valid = readdirSync(dir).filter((name) => /^# expect: ok\b/m.test(readFileSync(dir + name, "utf8")));
    expect(valid.length).toBeGreaterThan(0);
    let certified = 0;
    for (const name of valid) {
      for (const doc of await renderedDocs(readFileSync(dir + name, "utf8"))) {
        expect(isCanonicalMarkdown(doc.content)).toBe(doc.canonical);
        if (await expectSound(doc.content, `${name}: ${doc.path}`)) certified++;
      }
    }
    expect(certified).toBeGreaterThan(0);
  });
});

/** The spec with every string that is not a name or type made plain prose, so its docs can certify. */
function withPlainProse(value: unknown, key = ""): unknown {
  if (typeof value === "string") return ["doc", "summary", "remarks"].includes(key) ? `Plain words, ${value.replace(/[^A-Za-z0-9 ]/g, "").replace(/ +/g, " ").trim() || "text"}.` : value;
  if (Array.isArray(value)) return value.map((item) => withPlainProse(item, key));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPlainProse(v, k)]));
  return value;
}

describe("docs of generated specs", () => {
  it("are left unchanged by Prettier whenever certified (hostile doc text)", async () => {
    await fc.assert(
      fc.asyncProperty(validSpec(), async (spec) => {
        for (const doc of await renderedDocs(spec.text)) await expectSound(doc.content, `${spec.text}\n--- ${doc.path}`);
      }),
      { numRuns: 40 },
    );
  });

  it("certify with plain doc text, and Prettier agrees (names, types, lifecycles all generated)", async () => {
    let certified = 0;
    await fc.assert(
      fc.asyncProperty(validSpec(), async (spec) => {
        const text = renderSpec(withPlainProse(spec.object) as SpecObject);
        for (const doc of await renderedDocs(text)) if (await expectSound(doc.content, `${text}\n--- ${doc.path}`)) certified++;
      }),
      { numRuns: 40 },
    );
    expect(certified).toBeGreaterThan(0);
  });
});

/** Pieces of inline text that Prettier treats specially somewhere, plus ordinary words. */
const SPECIAL_PIECES = [
  "*", "**", "***", "_", "__", "x_", "_x", "a_b", "a*b", "2*3*4", "*em*", "_em_", "_em b_", "**st**", "**st:**", "**a _b_**", "_a **b**_",
  "`", "``", "`x|y`", "`a\\b`", "` x`", "`a``b`", "```", "~~~", "~", "~~x~~", "\\", "\\|", "\\*", "\\#", "|", "[", "]", "](", "[a](./b.md#c)",
  "[`x`](#y)", "[a b](http://x.y/z)", "[a](b c)", "[^1]", "![i](x.png)", "<", "<=", ">", "<br>", "<b>", "<x>", "</x>", "<!-- c -->",
  "<https://x.y>", "&", "&lt;", "&amp;", "&#42;", "&copy;", "#", "##", "# x", "- x", "+ x", "* x", "1.", "1)", "10.", "---", "===", "$", "$x$",
  "{{x}}", "{% x %}", "@", "a@b.co", "https://x.y/a_b", "www.x.y", ":", ":--", "'", "\"", "(", ")", "'_x_'", "(_x_)", "—", "→", "…",
] as const;

const WORDS = ["foo", "Bar", "snake_case", "x1", "42", "called", "中文", "日本語", "한국어", "é", "e\u0301", "ß", "Ωμέγα", "Жж", "ａｂ", "🦀", "👩‍💻", "↔\ufe0f", "©", "\u00a0", "a\u200bb"] as const;

/** One line of adversarial inline text: special pieces, words, long words and random Unicode. */
const inlineText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_PIECES) },
      { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constant("x".repeat(90)) },
    ),
    { minLength: 1, maxLength: 7 },
  )
  .chain((pieces) => fc.array(fc.constantFrom(" ", " ", " ", "", "  "), { minLength: pieces.length, maxLength: pieces.length }).map((gaps) => pieces.map((p, i) => (i > 0 ? gaps[i]! : "") + p).join("")))
  .map((line) => line.replace(/[\r\n\t]/g, " "));

/** Doc text (several lines, maybe list items, fences or blank lines) built from {@link inlineText}. */
const docText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: inlineText },
      { weight: 2, arbitrary: inlineText.map((t) => `- ${t}`) },
      { weight: 1, arbitrary: inlineText.map((t) => `  ${t}`) },
      { weight: 1, arbitrary: fc.constantFrom("", "```", "```ts", "```mermaid", "| a | b |", "| --- | --- |", "# Heading", "Title", "===") },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => lines.join("\n"));

/** Arbitrary blocks of a page, each already in the form the templates write it. */
const pageBlock: fc.Arbitrary<string> = fc.oneof(
  docText.map(mdBlock),
  inlineText.map((t) => `## ${mdInline(t)}`),
  inlineText.map((t) => `**Returns:** ${mdCode(t)} — ${mdInline(t)}`),
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.tuple(docText, inlineText), { minLength: 1, maxLength: 3 }))
    .map(([columns, rows]) => mdTable(["Name", "Type", "Description"].slice(0, columns), rows.map(([doc, code]) => [mdCodeCell(code), mdCell(doc), mdCell(code)].slice(0, columns)))),
  fc.array(inlineText, { minLength: 1, maxLength: 3 }).map((lines) => `\`\`\`${VERBATIM_FENCE_LANGUAGES.has("mermaid") ? "mermaid" : ""}\n${lines.join("\n")}\n\`\`\``),
);

describe("adversarial doc text through the Markdown escapers", () => {
  it("pages built from it are left unchanged by Prettier whenever certified", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pageBlock, { minLength: 1, maxLength: 4 }), fc.constantFrom("\n\n", "\n\n", "\n"), async (blocks, separator) => {
        const page = `${blocks.filter((b) => b !== "").join(separator)}\n`;
        await expectSound(page);
      }),
      { numRuns: 200 },
    );
  });

  it("text built only from pieces the certifier accepts certifies often, and soundly", async () => {
    const tame = fc
      .array(fc.constantFrom("foo", "snake_case", "中文", "é", "e\u0301", "Жж", ".", ",", ":", "(", ")", "—", "<=", "&lt;", "_em_", "**st:**", "`a|b`", "[a](./b.md#c)", "'", "\"", "42"), { minLength: 1, maxLength: 6 })
      .map((pieces) => pieces.join(" "));
    let certified = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tame, { minLength: 1, maxLength: 3 }), tame, tame, async (lines, cell, code) => {
        // mdCodeCell takes the text a code span shows, not Markdown: no backticks in it.
        const page = [`# ${mdInline(lines[0]!)}`, mdBlock(lines.join("\n")), mdBlock(lines.map((l) => `- ${l}`).join("\n")), mdTable(["A", "B"], [[mdCell(cell), mdCodeCell(code.replace(/`/g, ""))]])].join("\n\n") + "\n";
        if (await expectSound(page)) certified++;
      }),
      { numRuns: 150 },
    );
    expect(certified).toBeGreaterThan(50);
  });
});

describe("markdownWidth", () => {
  const chars = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 6 }),
    fc.string({ unit: fc.constantFrom("a", "中", "ｂ", "ア", "한", "é", "\u0301", "Ж", "—", "→", "↔", "\ufe0f", "🦀", "©", "\u200d", "·"), maxLength: 6 }),
  );

  it("agrees with Prettier's own measure whenever it claims to know the width", () => {
    fc.assert(
      fc.property(chars, (text) => {
        const width = markdownWidth(text);
        if (width !== undefined) expect(width).toBe(prettier.util.getStringWidth(text));
      }),
      { numRuns: 500 },
    );
  });

  it("pads tables exactly as Prettier's Markdown printer does", async () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "b", "中", "ｂ", "ア", "한", "é", "e\u0301", "Ж", "—", "→", "·"), minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 3 }), async (rows) => {
        const table = `${mdTable(["x", "y"], rows)}\n`;
        expect(isCanonicalMarkdown(table)).toBe(true);
        expect(await prettierMarkdown(table)).toBe(table);
      }),
      { numRuns: 100 },
    );
  });
});

describe("the certifier rejects what Prettier rewrites", () => {
  // Each sample is something Prettier changes: the test proves both halves.
  const samples = [
    "A *stress* here.\n",
    "+ one\n+ two\n",
    "* one\n",
    "- one\ncontinued lazily\n",
    "```ts\nconst x = {a:1}\n```\n",
    "```json\n{\"a\":1}\n```\n",
    "~~~\ncode\n~~~\n",
    "two  spaces\n",
    "Para\n\n\n\nafter three blank lines\n",
    "Para\n# Heading right after\n",
    "| a | b |\n| --- | --- |\n| long cell | x |\n",
    "| a   | b   |\n| --- | --- |\n| 中文 | x   |\n",
    "__strong__\n",
    "a\ttab\n",
    " leading space\n",
    "a `` x`y `` b\n",
    "1. one\n3. two\n",
    "# Title #\n",
    "Text\n- item\n",
    "a\n  indented continuation\n",
  ];
  for (const sample of samples) {
    it(JSON.stringify(sample), async () => {
      expect(await prettierMarkdown(sample)).not.toBe(sample);
      expect(isCanonicalMarkdown(sample)).toBe(false);
    });
  }
});

describe("fence languages the certifier keeps verbatim", () => {
  for (const language of VERBATIM_FENCE_LANGUAGES) {
    it(`Prettier does not reformat \`\`\`${language}`, async () => {
      const text = `\`\`\`${language}\nconst   x={a:1,b:[ 2 ,3 ]}\n  key:    value\n\`\`\`\n`;
      expect(isCanonicalMarkdown(text)).toBe(true);
      expect(await prettierMarkdown(text)).toBe(text);
    });
  }
});
