/**
 * Certified TypeScript is exactly what Prettier (default options) prints: checked on the
 * flagship spec, the benchmark spec, the valid corpus specs and random specs full of hostile
 * text, for both test runners and with parts of the output turned off. The layout helpers are
 * checked against Prettier directly on adversarial names and strings.
 */
import { readdir, readFile } from "node:fs/promises";
import fc from "fast-check";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { loadModel, loadModelFromText } from "../../src/api/load-model.js";
import { emitSpec, type EmitOptions } from "../../src/emit/index.js";
import { isCanonicalTypeScript } from "../../src/emit/canonical/typescript.js";
import { topLevelUnionMembers, tsLayout } from "../../src/emit/canonical/ts-layout.js";
import { tsString } from "../../src/emit/escape/string-literal.js";
import { parseTypeExpression } from "../../src/spec/ts-syntax.js";
import type { Model } from "../../src/model/types.js";
import { validSpec } from "../helpers/spec-arbitrary.js";

const REPO_ROOT = new URL("../../", import.meta.url).pathname;

const format = (text: string): Promise<string> => prettier.format(text, { parser: "typescript", filepath: "x.ts" });

/** Emits `model` and returns its TypeScript files with whether each certified. */
async function tsFiles(model: Model, options: EmitOptions): Promise<{ path: string; content: string; canonical: boolean }[]> {
  const result = await emitSpec(model, { checkSyntax: false, ...options });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.files.filter((f) => f.parser === "typescript").map((f) => ({ path: f.path, content: f.content, canonical: f.canonical === true }));
}

/** Every certified file is left unchanged by Prettier; returns the paths that did not certify. */
async function expectSound(model: Model, options: EmitOptions): Promise<string[]> {
  const missed: string[] = [];
  for (const file of await tsFiles(model, options)) {
    if (file.canonical) expect({ path: file.path, text: await format(file.content) }).toEqual({ path: file.path, text: file.content });
    else missed.push(file.path);
  }
  return missed;
}

async function modelOf(path: string): Promise<Model> {
  const loaded = await loadModel(path, path);
  if (!loaded.model) throw new Error(`${path} did not load`);
  return loaded.model;
}

describe("certified TypeScript of real specs", () => {
  it("asyncio: every TypeScript file is sound and certifies", async () => {
    const model = await modelOf(`${REPO_ROOT}specs/asyncio.yaml`);
    for (const tests of ["vitest", "node"] as const) {
      expect(await expectSound(model, { tests })).toEqual([]);
    }
  }, 60_000);

  it("the benchmark spec (50 families × 20 callbacks) certifies completely", async () => {
    const inputs = (await import(`${REPO_ROOT}bench/inputs.mjs`)) as { protoskelSpec(families: number, callbacks: number): string };
    const loaded = await loadModelFromText(inputs.protoskelSpec(50, 20), "bench.yaml");
    const model = loaded.model!;
    for (const tests of ["vitest", "node"] as const) {
      const files = await tsFiles(model, { tests });
      expect(files.filter((f) => !f.canonical).map((f) => f.path)).toEqual([]);
    }
    // Soundness on a sample (formatting all 103 files twice would dominate the test's time).
    const sample = (await tsFiles(model, { tests: "vitest" })).filter((_, i) => i % 10 === 0);
    for (const file of sample) expect(await format(file.content)).toBe(file.content);
  }, 120_000);

  it("valid corpus specs: certified files are sound, with parts of the output turned off too", async () => {
    const dir = `${REPO_ROOT}test/corpus/specs/`;
    let certified = 0;
    let total = 0;
    for (const name of (await readdir(dir)).sort()) {
      const text = await readFile(dir + name, "utf8");
      if (!/^# expect: ok/m.test(text)) continue;
      const loaded = await loadModel(dir + name, name).catch(() => undefined);
      // A spec the loader cannot take is the corpus test's business, not this one's.
      if (!loaded?.model) continue;
      const model = loaded.model;
      for (const options of [{ tests: "vitest" }, { tests: "node", emit: { docs: false, tests: true, classes: true } }] as const) {
        const missed = await expectSound(model, options);
        total += (await tsFiles(model, options)).length;
        certified += (await tsFiles(model, options)).length - missed.length;
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(certified).toBeGreaterThan(0);
  }, 120_000);
});

describe("random specs", () => {
  it("certified files are left unchanged by Prettier", async () => {
    let certified = 0;
    await fc.assert(
      fc.asyncProperty(validSpec(), fc.constantFrom("vitest", "node") as fc.Arbitrary<"vitest" | "node">, async (spec, tests) => {
        const loaded = await loadModelFromText(spec.text, "spec.yaml");
        if (!loaded.model) return;
        for (const file of await tsFiles(loaded.model, { tests, emit: { docs: false } })) {
          if (!file.canonical) continue;
          certified++;
          expect(await format(file.content)).toBe(file.content);
        }
      }),
      { numRuns: 60 },
    );
    // The property must not hold vacuously.
    expect(certified).toBeGreaterThan(30);
  }, 180_000);
});

/** Names and strings that stress widths and quoting. */
/** Words a name may not be in the code these properties build (the spec checks refuse them too). */
const RESERVED = new Set(
  ("break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private " +
    "protected public static yield any boolean number string symbol type from of never unknown object undefined bigint keyof readonly unique infer is asserts await async declare get set module namespace require global satisfies accessor out override abstract constructor").split(" "),
);
const nameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,40}$/).filter((name) => !RESERVED.has(name));
const textArb = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.array(fc.constantFrom("a", "word ", "\"", "'", "\\", "`", "${x}", "世界", "🦀", "é", "*/", "\n", "x".repeat(30)), { maxLength: 12 }).map((parts) => parts.join("")),
);

describe("layout helpers print what Prettier prints", () => {
  it("string literals use Prettier's quotes", async () => {
    await fc.assert(
      fc.asyncProperty(textArb, async (text) => {
        const literal = tsString(text);
        const code = `x(${literal});\n`;
        // Prettier may break the call, but never re-quotes or re-escapes the literal.
        expect(await format(code)).toContain(literal);
        if (isCanonicalTypeScript(code)) expect(await format(code)).toBe(code);
      }),
      { numRuns: 150 },
    );
  });

  it("imports, class headers, signatures, arrays, objects and calls", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(nameArb, { minLength: 1, maxLength: 6 }),
        fc.array(textArb, { maxLength: 5 }),
        fc.array(fc.integer({ min: -1, max: 120 }), { maxLength: 40 }),
        fc.boolean(),
        async (names, texts, numbers, empty) => {
          const L = tsLayout;
          const [first, ...rest] = names as [string, ...string[]];
          const code = [
            L.specifiers("import", names.map((n, i) => `${i % 2 ? "type " : ""}${n}`), `./${first}.js`),
            L.specifiers("export type", [...new Set(names)], "./types.js"),
            "",
            L.classHeader(`export abstract class ${first}X`, [`extends ${rest[0] ?? first}`, `implements ${first}Callbacks`], empty),
            ...(empty ? [] : [L.signature("  ", `abstract ${first}`, names.map((n, i) => `${n}${i}: ${i % 2 ? "number" : "string"}`), "void", ";"), "}"]),
            "",
            "const table = {",
            L.print("  ", ["alphabet: ", L.strings(texts), ","]),
            L.print("  ", ["accepting: ", L.numbers(numbers), ","]),
            "  delta: [",
            L.print("    ", [L.numbers(numbers), ",", L.trailingComment("state 0")]),
            "  ],",
            "};",
            L.print("", ["const legal: readonly (readonly string[])[] = ", L.stringTable([texts, names]), ";"]),
            L.print("", ["const rows = ", L.array(texts.map((t) => L.object([["calls", L.strings(names)], ["reason", L.str(t)]])), texts.length > 1), ";"]),
            L.print("", [L.call("it.todo", [L.str(texts.join(" "))]), ";"]),
            "",
          ].join("\n");
          const formatted = await format(code);
          expect(formatted).toBe(code);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});

describe("type aliases", () => {
  /** Union members as the model prints them: names, generics, arrays, tuples, literals, functions. */
  const memberArb = fc.oneof(
    nameArb,
    nameArb.map((n) => `${n}[]`),
    fc.tuple(nameArb, nameArb).map(([a, b]) => `Map<${a}, ${b}>`),
    fc.array(nameArb, { minLength: 1, maxLength: 4 }).map((ns) => `readonly [${ns.map((n, i) => `${n}${i}: string`).join(", ")}]`),
    fc.constantFrom("string", "null", "undefined", '"a | b"', "'it''s'".slice(0, 0) + '"x"', "(() => void)", "((a: number) => void)"),
    fc.array(nameArb, { minLength: 2, maxLength: 3 }).map((ns) => `(${ns.join(" & ")})`),
  );

  it("long unions move below the `=`, then break one member per line, exactly as Prettier does", async () => {
    let broken = 0;
    await fc.assert(
      fc.asyncProperty(nameArb, fc.array(memberArb, { minLength: 1, maxLength: 7 }), async (name, members) => {
        // The model's own printer gives the flat text, as it does for a spec.
        // (A random name may be a reserved word, which the spec checks refuse: skip those.)
        const parsed = await parseTypeExpression(members.join(" | "));
        fc.pre(parsed.ok);
        const code = `${tsLayout.typeAlias(`export type ${name}Alias`, parsed.text)}\n`;
        if (code.includes("\n  | ")) broken++;
        if (isCanonicalTypeScript(code)) expect(await format(code)).toBe(code);
      }),
      { numRuns: 300 },
    );
    expect(broken).toBeGreaterThan(20);
  }, 120_000);

  it("splits only at top-level bars", () => {
    expect(topLevelUnionMembers('readonly [a: string] | Map<A | B, C> | (() => void) | "x | y" | null')).toEqual([
      "readonly [a: string]",
      "Map<A | B, C>",
      "(() => void)",
      '"x | y"',
      "null",
    ]);
  });
});

describe("the certifier refuses what Prettier would change", () => {
  it.each([
    ["a line too long", `const x = ${JSON.stringify("y".repeat(80))} + 1;\n`],
    ["single quotes Prettier would turn to double", "const x = 'a';\n"],
    ["double quotes around more double than single quotes", 'const x = "say \\"hi\\"";\n'],
    ["a quoted key that needs no quotes", 'type T = { "a": string };\n'],
    ["a number Prettier re-spells", "const x = 1e+21;\n"],
    ["a blank line at the start of a block", "function f() {\n\n  return 1;\n}\n"],
    ["two blank lines", "const a = 1;\n\n\nconst b = 2;\n"],
    ["trailing spaces", "const a = 1; \n"],
    ["a nested array literal Prettier always breaks", "function f() {\n  return [[1, 2], [3, 4]];\n}\n"],
  ])("%s", async (_what, code) => {
    expect(isCanonicalTypeScript(code)).toBe(false);
    // And Prettier does change each of them.
    expect(await format(code)).not.toBe(code);
  });
});
