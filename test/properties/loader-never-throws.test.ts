/**
 * The loader answers any input with a model or diagnostics; it never throws. Inputs: random
 * Unicode and YAML-like token soup, byte-level mutations of valid specs, and valid specs
 * whose type, default or lifecycle text is replaced by random text (to reach the type and
 * lifecycle parsers, which random YAML rarely gets to).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadModelFromText } from "../../src/api/load-model.js";
import { DIAGNOSTIC_CODES, type Diagnostic } from "../../src/diagnostics/index.js";
import { arbitraryText, mutatedText, renderSpec, validSpec, type SpecObject } from "../helpers/spec-arbitrary.js";

/** Runs per property; loading is cheap, so these can be many. */
export const LOADER_RUNS = { arbitraryText: 1000, mutatedSpec: 200, randomExpressions: 200 } as const;

/** Loads `text` and checks the answer is well formed: a model, or at least one error, each diagnostic catalogued and placed. */
async function loadsCleanly(text: string): Promise<void> {
  let result;
  try {
    result = await loadModelFromText(text, "fuzz.yaml");
  } catch (error) {
    throw new Error(`loader threw on ${JSON.stringify(text)}:\n${(error as Error).stack ?? String(error)}`);
  }
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (result.model === undefined) expect(errors.length, JSON.stringify(text)).toBeGreaterThan(0);
  else expect(errors).toEqual([]);
  for (const d of result.diagnostics) expectWellFormed(d, text);
}

function expectWellFormed(d: Diagnostic, text: string): void {
  expect(Object.keys(DIAGNOSTIC_CODES), JSON.stringify(text)).toContain(d.code);
  expect(d.hint.length).toBeGreaterThan(0);
  expect(d.message.length).toBeGreaterThan(0);
  if (d.location) {
    expect(d.location.file).toBe("fuzz.yaml");
    expect(Number.isInteger(d.location.line) && d.location.line >= 1, `${d.code} ${d.message} line ${d.location.line} in ${JSON.stringify(text)}`).toBe(true);
    expect(Number.isInteger(d.location.column) && d.location.column >= 1, `${d.code} ${d.message} column ${d.location.column} in ${JSON.stringify(text)}`).toBe(true);
  }
}

/** Random text for a type, default or lifecycle expression: operator soup or any Unicode. */
const expressionText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc
    .array(fc.constantFrom("->", "[", "]", "(", ")", "|", "?", "*", "+", "start", "end", "A0", "<", ">", "{", "}", ";", "=>", ",", ":", "keyof", "typeof", "import(", "readonly", "string", "`", "${", "'", "\"", "/*", "*/", "//", "\n", "new", "x", "1", "-", "."), { maxLength: 14 })
    .map((parts) => parts.join(" ")),
);

/** Puts `text` into one expression slot of a spec: a param or return type, a default, or a lifecycle expression. */
function injectExpression(object: SpecObject, slot: number, pick: number, text: string): SpecObject {
  const copy = structuredClone(object);
  const families = Object.values(copy.families);
  const family = families[pick % families.length]!;
  const callbacks = Object.values(family.callbacks);
  const callback = callbacks[pick % Math.max(callbacks.length, 1)];
  switch (slot % 4) {
    case 0:
      if (callback) callback["params"] = [{ name: "x", type: text }];
      break;
    case 1:
      if (callback) Object.assign(callback, { returns: text, default: "0" });
      break;
    case 2:
      if (callback) Object.assign(callback, { returns: "number", default: text });
      delete callback?.["required"];
      break;
    default:
      family.lifecycle = { ...(family.lifecycle ?? {}), order: text };
  }
  return copy;
}

describe("the loader never throws", () => {
  it("on arbitrary text", async () => {
    await fc.assert(fc.asyncProperty(arbitraryText(), loadsCleanly), { numRuns: LOADER_RUNS.arbitraryText });
  });

  it("on byte-level mutations (flips, deletions, insertions) of valid specs", async () => {
    const mutated = validSpec().chain((spec) => mutatedText(spec.text));
    await fc.assert(fc.asyncProperty(mutated, loadsCleanly), { numRuns: LOADER_RUNS.mutatedSpec });
  });

  it("on valid specs with a random type, default or lifecycle expression", async () => {
    const injected = fc.tuple(validSpec(), fc.nat(), fc.nat(), expressionText).map(([spec, slot, pick, text]) => renderSpec(injectExpression(spec.object, slot, pick, text)));
    await fc.assert(fc.asyncProperty(injected, loadsCleanly), { numRuns: LOADER_RUNS.randomExpressions });
  });
});
