/**
 * The fast path for type and default expressions must be indistinguishable from the
 * TypeScript parser it stands in for: wherever it answers, the printed text and the
 * references (offsets included) are the slow path's, and its tree is the real parser's
 * tree (same node types, fields and ranges). Where it is unsure it must not answer. It is
 * only worth having if it answers for the everyday expressions of real specs.
 */

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { fastParseType, fastParseValue, type FastNode } from "../../src/spec/fast-type-parser.js";
import * as tsSyntax from "../../src/spec/ts-syntax.js";
import { loadSpec } from "../../src/index.js";

/** Every expression the model loader asks ts-syntax.ts to parse, by kind. */
const seen = vi.hoisted(() => ({ types: new Set<string>(), values: new Set<string>() }));
vi.mock("../../src/spec/ts-syntax.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/spec/ts-syntax.js")>();
  return {
    ...original,
    parseTypeExpression: (text: string) => (seen.types.add(text), original.parseTypeExpression(text)),
    parseDefaultExpression: (text: string) => (seen.values.add(text), original.parseDefaultExpression(text)),
  };
});

const TYPE_PREFIX = "type __T = ";
const VALUE_PREFIX = "const __v = ";

interface Program {
  readonly body: Record<string, unknown>[];
}

/** The real parser's whole program for `source` (as ts-syntax.ts wraps it), or undefined when it throws. */
async function realProgram(source: string): Promise<Program | undefined> {
  const plugin = (await import("prettier/plugins/typescript")) as unknown as { parsers: { typescript: { parse(text: string, options: object): Promise<Program> } } };
  try {
    return await plugin.parsers.typescript.parse(`${source}\n;`, {});
  } catch {
    return undefined;
  }
}

/**
 * Asserts that every field of `fast` is in `real` with the same value, recursively (the real
 * tree has more fields, such as `loc`, that the printer never reads).
 */
function expectSubShape(fast: unknown, real: unknown, path = "$"): void {
  if (Array.isArray(fast)) {
    expect(Array.isArray(real), `${path} is an array`).toBe(true);
    expect((real as unknown[]).length, `${path}.length`).toBe(fast.length);
    fast.forEach((item, i) => expectSubShape(item, (real as unknown[])[i], `${path}[${i}]`));
    return;
  }
  if (fast !== null && typeof fast === "object") {
    expect(real !== null && typeof real === "object", `${path} is an object`).toBe(true);
    for (const [key, value] of Object.entries(fast)) expectSubShape(value, (real as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  expect(real, path).toEqual(fast);
}

/** The fast tree of a type is the real one, and the public result equals the slow path's. */
async function expectTypeAgrees(text: string): Promise<boolean> {
  const fast = fastParseType(text, TYPE_PREFIX.length);
  const slow = await tsSyntax.parseTypeExpressionSlow(text);
  expect(await tsSyntax.parseTypeExpression(text), JSON.stringify(text)).toEqual(slow);
  if (!fast) return false;
  expect(slow.ok, `${JSON.stringify(text)}: the fast path answered where the real parser refuses`).toBe(true);
  const program = await realProgram(TYPE_PREFIX + text);
  expectSubShape(fast as FastNode, program?.body[0]?.["typeAnnotation"], JSON.stringify(text));
  return true;
}

/** The same for a default value expression. */
async function expectValueAgrees(text: string): Promise<boolean> {
  const fast = fastParseValue(text, VALUE_PREFIX.length);
  const slow = await tsSyntax.parseDefaultExpressionSlow(text);
  expect(await tsSyntax.parseDefaultExpression(text), JSON.stringify(text)).toEqual(slow);
  if (!fast) return false;
  expect(slow.ok, `${JSON.stringify(text)}: the fast path answered where the real parser refuses`).toBe(true);
  const program = await realProgram(VALUE_PREFIX + text);
  const declarations = program?.body[0]?.["declarations"] as Record<string, unknown>[] | undefined;
  expectSubShape(fast as FastNode, declarations?.[0]?.["init"], JSON.stringify(text));
  return true;
}

// ---------------------------------------------------------------------------------------
// Grammar: expressions as token lists, joined with generated whitespace.

type Tokens = readonly string[];

const KEYWORDS = ["any", "unknown", "number", "bigint", "boolean", "string", "symbol", "object", "never", "void", "undefined", "null", "this"];
/** Plain names, and names that are Object.prototype members or contextual only in other positions. */
const NAMES = ["Uint8Array", "Error", "Foo", "T", "$x", "_private", "Map", "Promise", "DatagramAddress", "a1", "constructor", "toString", "__proto__", "hasOwnProperty"];

const name = fc.constantFrom(...NAMES);
const literal: fc.Arbitrary<Tokens> = fc.oneof(
  fc.constantFrom("true", "false", "0", "7", "42", "1.5", '"x"', "'it'", '""', '"a b|c"').map((t) => [t]),
  fc.string({ maxLength: 6 }).filter((s) => !/[\\"\r\n\u0000-\u001f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(s)).map((s) => [`"${s}"`]),
);

/** Wraps `inner` in parentheses when it does not bind as tightly as a postfix type. */
const paren = (inner: Tokens): Tokens => ["(", ...inner, ")"];
const commaList = (items: readonly Tokens[]): Tokens => items.flatMap((item, i) => (i === 0 ? item : [",", ...item]));

/**
 * Types in the fast path's subset, at three binding levels: `postfix` may take `[]`,
 * `operand` may stand in a union or intersection, `full` may stand anywhere a type may.
 */
const subset = fc.letrec<{ postfix: Tokens; operand: Tokens; full: Tokens }>((tie) => {
  const full = tie("full");
  const postfix = tie("postfix");
  const operand = tie("operand");
  const reference = fc.tuple(fc.array(name, { minLength: 1, maxLength: 3 }), fc.array(full, { maxLength: 3 })).map(([parts, args]): Tokens => [
    ...parts.flatMap((part, i) => (i === 0 ? [part] : [".", part])),
    ...(args.length ? ["<", ...commaList(args), ">"] : []),
  ]);
  const unnamedTuple = fc.tuple(fc.array(full, { maxLength: 3 }), fc.array(postfix, { maxLength: 2 })).map(([required, optional]): Tokens => [
    "[", ...commaList([...required, ...optional.map((t) => [...t, "?"])]), "]",
  ]);
  const namedTuple = fc.array(fc.tuple(name, fc.boolean(), full), { minLength: 1, maxLength: 3 })
    .map((members) => members.map(([label, optional, type], i) => [label, ...(optional && i === members.length - 1 ? ["?"] : []), ":", ...type]))
    .map((members): Tokens => ["[", ...commaList(members), "]"]);
  const typeLiteral = fc.tuple(fc.array(fc.tuple(fc.boolean(), name, fc.boolean(), full, fc.constantFrom(";", ",")), { maxLength: 3 }), fc.boolean())
    .map(([members, trailing]): Tokens => [
      "{",
      ...members.flatMap(([readonly, key, optional, type, separator], i) => [
        ...(readonly ? ["readonly"] : []), key, ...(optional ? ["?"] : []), ":", ...type,
        ...(i < members.length - 1 || trailing ? [separator] : []),
      ]),
      "}",
    ]);
  const functionType = fc.tuple(fc.array(fc.tuple(name, full), { maxLength: 3 }), fc.nat({ max: 3 }), fc.option(postfix, { nil: undefined }), full)
    .map(([params, optionalFrom, rest, returned]): Tokens => {
      const list = params.map(([param, type], i) => [param, ...(i >= optionalFrom ? ["?"] : []), ":", ...type]);
      if (rest) list.push(["...", "rest", ":", ...rest, "[", "]"]);
      return ["(", ...commaList(list), ")", "=>", ...returned];
    });
  return {
    postfix: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...KEYWORDS).map((k): Tokens => [k]),
      literal,
      reference,
      unnamedTuple,
      namedTuple,
      typeLiteral,
      postfix.map((t): Tokens => [...t, "[", "]"]),
      full.map(paren),
    ),
    operand: fc.oneof(
      { depthSize: "small" },
      postfix,
      postfix.filter((t) => t.at(-1) === "]").map((t): Tokens => ["readonly", ...t]),
    ),
    full: fc.oneof(
      { depthSize: "small" },
      operand,
      fc.array(operand, { minLength: 2, maxLength: 3 }).map((items): Tokens => items.flatMap((t, i) => (i === 0 ? t : ["|", ...t]))),
      fc.array(operand, { minLength: 2, maxLength: 3 }).map((items): Tokens => items.flatMap((t, i) => (i === 0 ? t : ["&", ...t]))),
      functionType,
    ),
  };
});

/** Default values in the fast path's subset. */
const subsetValue: fc.Arbitrary<Tokens> = fc.oneof(
  fc.constantFrom("undefined", "null", "true", "false", "0", "1", "65536", "0.25", "'x'", '"hello"').map((t): Tokens => [t]),
  fc.constantFrom("0", "1", "2.5").map((n): Tokens => ["-", n]),
);

const isWordy = (token: string): boolean => /^[A-Za-z0-9_$'"]/.test(token) || /[A-Za-z0-9_$'"]$/.test(token);

/** Joins tokens with generated whitespace (a space at least between two words). */
function joined(tokens: fc.Arbitrary<Tokens>, separator: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return tokens.chain((list) =>
    fc.array(separator, { minLength: list.length + 1, maxLength: list.length + 1 }).map((seps) => {
      let out = seps[0]!;
      list.forEach((token, i) => {
        const previous = list[i - 1];
        if (i > 0) out += seps[i] === "" && previous !== undefined && isWordy(previous) && isWordy(token) ? " " : seps[i];
        out += token;
      });
      return out + seps[list.length]!;
    }),
  );
}

/** Whitespace the fast path accepts wherever TypeScript does not care about it. */
const QUIET = fc.constantFrom("", " ", " ", "  ", "\t");
/** Line breaks, which TypeScript cares about before `[`, `<`, `=>`, ... */
const BREAKS = fc.constantFrom("\n", "\r\n", " \n  ");
/** Mostly quiet whitespace, now and then a line break. */
const ANY_SPACE = fc.oneof({ arbitrary: QUIET, weight: 12 }, { arbitrary: BREAKS, weight: 1 });

/** Tokens that make near misses: reserved words, operators outside the subset, comments, escapes. */
const ODD_TOKENS = [
  "keyof", "typeof", "infer", "intrinsic", "asserts", "is", "unique", "new", "readonly", "extends", "in", "of", "as",
  "default", "class", "function", "import", "let", "yield", "await", "get", "set", "satisfies", "out", "const",
  "[", "]", "(", ")", "{", "}", "<", ">", "|", "&", "?", ":", ";", ",", ".", "...", "=>", "=", "-", "+", "!", "*",
  "//c", "/*c*/", "\\u0041", "`t`", "`${T}`", "'a\\'b'", "\"é\"", "é", "ñame", "1e3", "0x1", "1n", "01", ".5", "5.", "1_0",
  "#x", "@d", "\u00a0", "\u200b", "'unterminated", "Array<", "T[K]", "<T>", "this is", "x is string",
];

/** A subset expression with one token inserted, dropped, replaced or repeated. */
function nearMiss(tokens: fc.Arbitrary<Tokens>): fc.Arbitrary<Tokens> {
  return fc.tuple(tokens, fc.nat(), fc.constantFrom(...ODD_TOKENS), fc.constantFrom("insert", "drop", "replace", "repeat")).map(([list, at, odd, how]) => {
    const i = list.length === 0 ? 0 : at % list.length;
    const copy = [...list];
    if (how === "insert") copy.splice(i, 0, odd);
    else if (how === "drop") copy.splice(i, 1);
    else if (how === "replace") copy.splice(i, 1, odd);
    else copy.splice(i, 0, copy[i] ?? odd);
    return copy;
  });
}

const subsetTypes = joined(subset.full, QUIET);
const typeCandidates = fc.oneof(
  { arbitrary: joined(subset.full, ANY_SPACE), weight: 3 },
  joined(subset.full, fc.oneof(QUIET, BREAKS)),
  { arbitrary: joined(nearMiss(subset.full), ANY_SPACE), weight: 3 },
  joined(nearMiss(nearMiss(subset.full)), QUIET),
  joined(fc.array(fc.oneof(fc.constantFrom(...ODD_TOKENS, ...KEYWORDS, ...NAMES)), { minLength: 1, maxLength: 6 }), ANY_SPACE),
);
const valueCandidates = fc.oneof(
  joined(subsetValue, fc.oneof(QUIET, BREAKS)),
  joined(nearMiss(subsetValue), ANY_SPACE),
  fc.constantFrom("NaN", "Infinity", "[]", "{}", "new Uint8Array(0)", "- -1", "+1", "-'x'", '"a" + "b"', "'x\\n'", "0x10", "1e3", ".5", "01", "undefined;", "null!", "`t`", "1 as number"),
);

// ---------------------------------------------------------------------------------------

describe("fast type parser: differential against the TypeScript parser", () => {
  it("answers for every type in its subset, exactly as the slow path does", async () => {
    await fc.assert(
      fc.asyncProperty(subsetTypes, async (text) => {
        expect(await expectTypeAgrees(text), `${JSON.stringify(text)} is in the subset`).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("where it answers for odd spacing, near misses and junk, it answers as the slow path does", async () => {
    let answered = 0;
    let total = 0;
    await fc.assert(
      fc.asyncProperty(typeCandidates, async (text) => {
        total++;
        if (await expectTypeAgrees(text)) answered++;
      }),
      { numRuns: 1500 },
    );
    // Both branches must be exercised for the property to mean anything (about one in ten answers).
    expect(answered).toBeGreaterThan(total / 25);
    expect(answered).toBeLessThan(total);
  });

  it("default values: answers for its subset, and only ever as the slow path does", async () => {
    await fc.assert(
      fc.asyncProperty(joined(subsetValue, QUIET), async (text) => {
        expect(await expectValueAgrees(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 100 },
    );
    await fc.assert(fc.asyncProperty(valueCandidates, async (text) => void (await expectValueAgrees(text))), { numRuns: 600 });
  });

  it("leaves doubtful input to the slow path", () => {
    for (const text of ["intrinsic", "keyof T", "T[K]", "A // c", "/* c */ A", "| A | B", "`x`", "\"a\\\"b\"", "ñ", "A\n[]", "A\n<B>", "(A | B) => C", "[a: A, B]", "{ a: A\n b: B }", "this.x", "readonly A"]) {
      expect(fastParseType(text, TYPE_PREFIX.length), JSON.stringify(text)).toBeUndefined();
    }
    for (const text of ["NaN", "0x10", "1e3", "[]", "'\\n'", "new Uint8Array(0)"]) {
      expect(fastParseValue(text, VALUE_PREFIX.length), JSON.stringify(text)).toBeUndefined();
    }
  });
});

describe("fast type parser: real specs", () => {
  const asyncio = fileURLToPath(new URL("../../specs/asyncio.yaml", import.meta.url));
  const corpus = fileURLToPath(new URL("../corpus/specs/", import.meta.url));

  /** The type and default expressions that loading `file` parses. */
  async function expressionsOf(file: string): Promise<{ types: string[]; values: string[] }> {
    seen.types.clear();
    seen.values.clear();
    const result = await loadSpec(file, process.cwd());
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return { types: [...seen.types], values: [...seen.values] };
  }

  it("every type and default in specs/asyncio.yaml takes the fast path, with the slow path's result", async () => {
    const { types, values } = await expressionsOf(asyncio);
    expect(types.length).toBeGreaterThan(10);
    expect(values.length).toBeGreaterThan(0);
    for (const text of types) expect(await expectTypeAgrees(text), JSON.stringify(text)).toBe(true);
    for (const text of values) expect(await expectValueAgrees(text), JSON.stringify(text)).toBe(true);
  });

  it("every type and default in the corpus's valid specs takes the fast path, with the slow path's result", async () => {
    const files: string[] = [];
    for (const file of (await readdir(corpus)).sort()) {
      if ((await readFile(join(corpus, file), "utf8")).startsWith("# expect: ok")) files.push(join(corpus, file));
    }
    expect(files.length).toBeGreaterThan(3);
    let count = 0;
    for (const file of files) {
      const { types, values } = await expressionsOf(file);
      count += types.length + values.length;
      for (const text of types) expect(await expectTypeAgrees(text), `${file}: ${JSON.stringify(text)}`).toBe(true);
      for (const text of values) expect(await expectValueAgrees(text), `${file}: ${JSON.stringify(text)}`).toBe(true);
    }
    expect(count).toBeGreaterThan(0);
  });
});
