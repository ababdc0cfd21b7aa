/**
 * The fast schema check (src/spec/json-schema-check.ts) may only ever say "certainly valid"
 * for data that zod accepts unchanged: the loaders then use the data as zod's result. A
 * differential property over specs and configs near the formats checks exactly that, and
 * the fixed cases check that the fast path is really taken for everyday valid input.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withConfigDefaults } from "../../src/config/load.js";
import type { RawConfig } from "../../src/config/schema.js";
import { ConfigSchema } from "../../src/config/schema.js";
import { certainlyMatchesSchema, compileSchemaCheck } from "../../src/spec/json-schema-check.js";
import { MAX_ALIAS_COUNT, parseSpecText } from "../../src/spec/read.js";
import { SpecSchema } from "../../src/spec/schema.js";
import { validSpec, type GeneratedSpec } from "../helpers/spec-arbitrary.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const specSchemaJson = JSON.parse(read("schema/protoskel.schema.json")) as Record<string, unknown>;

/** The data the spec loader hands to the schema check, parsed exactly as the loader parses it. */
function specData(text: string, file: string): unknown {
  const parsed = parseSpecText(text, file);
  if (!parsed.source) return undefined;
  try {
    return parsed.source.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

const isSpec = (value: unknown) => certainlyMatchesSchema("protoskel.schema.json", value);
const isConfig = (value: unknown) => certainlyMatchesSchema("config.schema.json", value);

/** When the fast check is sure of a spec, zod accepts it and returns it unchanged. */
function expectSpecAgreement(value: unknown): boolean {
  if (!isSpec(value)) return false;
  const parsed = SpecSchema.safeParse(value);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(parsed.data).toStrictEqual(value);
  return true;
}

/** When the fast check is sure of a config, zod accepts it and returns it with the outDir default. */
function expectConfigAgreement(value: unknown): boolean {
  if (!isConfig(value)) return false;
  const parsed = ConfigSchema.safeParse(value);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(parsed.data).toStrictEqual(withConfigDefaults(value as RawConfig));
  return true;
}

/** Sets an own property the way JSON.parse and the yaml library do, even for `__proto__`. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// ---------------------------------------------------------------- mutations near the formats

/** Values of the wrong kind, empty values and values of other parts of the formats. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, 0, 1, 2, -1, 1.5, "", "1", "x", true, false, [], {}, "camelCase", "vitest", "node", NaN, Infinity),
  fc.constantFrom<unknown>({ doc: "d" }, { type: "string" }, { name: "a", type: "string" }, { from: "./x.js" }, { alias: "number" }, { summary: "s", callbacks: {} }, ["a"], [{ name: "a", type: "string" }]),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("doc", "type", "name", "x", "__proto__"), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
  fc.constant(undefined),
);

/** Key names near the formats' keys, unknown ones and the prototype-naming ones. */
const keyName = fc.constantFrom(
  "doc", "type", "name", "summary", "callbacks", "params", "returns", "default", "required", "remarks", "tsName", "optional",
  "from", "alias", "interface", "lifecycle", "order", "rules", "free", "aliases", "extends", "naming", "members", "types",
  "protoskel", "families", "colour", "parms", "1", "", "__proto__", "constructor", "prototype", "toString",
);

type Mutation = readonly [kind: number, where: number, which: number, key: string, value: unknown];
const mutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(5), fc.nat(), fc.nat(), keyName, junk);

/** Every object and array inside `value` (including itself), parents before children. */
function containers(value: unknown, found: (Record<string, unknown> | unknown[])[] = []): (Record<string, unknown> | unknown[])[] {
  if (typeof value !== "object" || value === null) return found;
  found.push(value as Record<string, unknown> | unknown[]);
  for (const child of Object.values(value)) containers(child, found);
  return found;
}

/** Applies one mutation in place somewhere in `value`: remove, add, retype, empty or nest. */
function mutate(value: unknown, [kind, where, which, key, shared]: Mutation): void {
  // A copy, so that constant junk values are never mutated in place by a later mutation.
  const replacement = structuredClone(shared);
  const all = containers(value);
  if (all.length === 0) return;
  const target = all[where % all.length]!;
  const keys = Object.keys(target);
  const existing = keys.length > 0 ? keys[which % keys.length]! : undefined;
  if (Array.isArray(target)) {
    if (kind === 0 && target.length > 0) target.splice(which % target.length, 1);
    else if (kind === 1) target.length = 0;
    else if (existing !== undefined) target[Number(existing)] = replacement;
    else target.push(replacement);
    return;
  }
  switch (kind) {
    case 0: // drop a key (required or not)
      if (existing !== undefined) delete target[existing];
      break;
    case 1: // add a key, possibly unknown or prototype-naming
      setOwn(target, key, replacement);
      break;
    case 2: // change a value's type
      if (existing !== undefined) target[existing] = replacement;
      break;
    case 3: // empty a value
      if (existing !== undefined) target[existing] = Array.isArray(target[existing]) ? [] : typeof target[existing] === "object" ? {} : "";
      break;
    default: // a copy of a sibling under a new name (valid when the mapping is a record)
      if (existing !== undefined) setOwn(target, key, structuredClone(target[existing]));
  }
}

/**
 * fast-check tags the objects it generates with a symbol key (its clone method), which plain
 * JSON never has: structuredClone drops it, and the mutated spec travels inside a wrapper so
 * that fast-check tags the wrapper rather than the spec.
 */
const plainSpec = (spec: GeneratedSpec): Record<string, unknown> => structuredClone(spec.object);

const mutatedSpec = fc.tuple(validSpec(), fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([spec, mutations]) => {
  const value = plainSpec(spec);
  for (const m of mutations) mutate(value, m);
  return { value };
});

const maybe = <T,>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: junk });
const configs = fc
  .tuple(
    fc.record(
      {
        $schema: maybe(fc.string({ maxLength: 5 })),
        specs: maybe(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 })),
        outDir: maybe(fc.string({ maxLength: 8 })),
        templates: maybe(fc.string({ maxLength: 8 })),
        emit: maybe(
          fc.record(
            { classes: maybe(fc.boolean()), docs: maybe(fc.boolean()), tests: fc.constantFrom<unknown>("vitest", "node", false, true, "jest", null, "") },
            { requiredKeys: [] },
          ),
        ),
        cache: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    ),
    fc.array(mutation, { maxLength: 2 }),
  )
  .map(([config, mutations]) => {
    for (const m of mutations) mutate(config, m);
    return config;
  });

describe("fast schema check agrees with zod", () => {
  it("whenever it is sure of a spec near the format, zod accepts it unchanged (and it is sometimes sure, sometimes not)", () => {
    let sure = 0;
    let unsure = 0;
    fc.assert(
      fc.property(mutatedSpec, ({ value }) => {
        if (expectSpecAgreement(value)) sure++;
        else unsure++;
      }),
      { numRuns: 400 },
    );
    // Guards against a vacuous run: both answers must have been exercised.
    expect(sure).toBeGreaterThan(0);
    expect(unsure).toBeGreaterThan(0);
  });

  it("whenever it is sure of a config, zod accepts it and only adds the outDir default", () => {
    let sure = 0;
    let unsure = 0;
    fc.assert(
      fc.property(configs, (value) => {
        if (expectConfigAgreement(value)) sure++;
        else unsure++;
      }),
      { numRuns: 600 },
    );
    expect(sure).toBeGreaterThan(0);
    expect(unsure).toBeGreaterThan(0);
  });

  it("is sure of every valid spec validSpec() builds, as an object and as the loader parses its YAML", () => {
    fc.assert(
      fc.property(validSpec(), (spec) => {
        expect(expectSpecAgreement(plainSpec(spec))).toBe(true);
        expect(expectSpecAgreement(specData(spec.text, "spec.yaml"))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("is sure of specs/asyncio.yaml", () => {
    expect(expectSpecAgreement(specData(read("specs/asyncio.yaml"), "asyncio.yaml"))).toBe(true);
  });

  it("matches zod on every corpus spec: sure exactly when zod accepts, unless a key names a prototype", () => {
    const dir = new URL("test/corpus/specs/", root);
    const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));
    let valid = 0;
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), "utf8");
      const data = specData(text, file);
      if (data === undefined) continue;
      const zodAccepts = SpecSchema.safeParse(data).success;
      const prototypeKey = /(^|[\s{,\[])(__proto__|constructor|prototype)\s*:/m.test(text);
      if (!prototypeKey) expect(isSpec(data), file).toBe(zodAccepts);
      if (!prototypeKey && /^# expect: ok/.test(text)) expect(isSpec(data), `${file} is valid`).toBe(true);
      expectSpecAgreement(data);
      if (zodAccepts) valid++;
    }
    expect(valid, "the corpus has schema-valid specs").toBeGreaterThanOrEqual(8);
  });

  it("is sure of the repository's config and applies no default over a given outDir", () => {
    const config = JSON.parse(read("protoskel.config.json")) as unknown;
    expect(expectConfigAgreement(config)).toBe(true);
    expect(expectConfigAgreement({ specs: ["a.yaml"] })).toBe(true);
    expect(withConfigDefaults({ specs: ["a.yaml"] }).outDir).toBe("generated");
    expect(withConfigDefaults({ specs: ["a.yaml"], outDir: "out" }).outDir).toBe("out");
  });
});

// ---------------------------------------------------------------- "not sure" by construction

/** A small spec that is valid, to break in exactly one way per case. */
function smallSpec(): Record<string, unknown> {
  return {
    protoskel: 1,
    name: "small",
    summary: "s",
    naming: {},
    families: { Stream: { summary: "s", callbacks: { opened: { doc: "d", params: [{ name: "a", type: "string" }] } } } },
  };
}

describe("fast schema check is not sure of data that is not plain JSON", () => {
  it("accepts the small spec itself (so each case below fails for its one change)", () => {
    expect(isSpec(smallSpec())).toBe(true);
  });

  it.each(["__proto__", "constructor", "prototype"])("an own key %s, even where the schema allows any name", (key) => {
    const spec = smallSpec();
    const families = spec["families"] as Record<string, unknown>;
    setOwn(families, key, families["Stream"]);
    expect(isSpec(spec)).toBe(false);
    const parsed = JSON.parse(`{"protoskel":1,"name":"n","summary":"s","families":{"${key}":{"summary":"s","callbacks":{}}}}`) as unknown;
    expect(isSpec(parsed)).toBe(false);
  });

  it("objects that are not plain: a class instance, a null prototype, an accessor, a hidden or symbol key", () => {
    const cases: ((spec: Record<string, unknown>) => void)[] = [
      (spec) => (spec["naming"] = new (class Naming {})()),
      (spec) => (spec["naming"] = Object.create(null) as object),
      (spec) => Object.defineProperty(spec["naming"], "members", { get: () => "preserve", enumerable: true }),
      (spec) => Object.defineProperty(spec["naming"], "members", { value: "preserve", enumerable: false }),
      (spec) => ((spec["naming"] as Record<symbol, unknown>)[Symbol("members")] = "preserve"),
    ];
    for (const change of cases) {
      const spec = smallSpec();
      change(spec);
      expect(isSpec(spec), change.toString()).toBe(false);
    }
  });

  it("arrays that are not plain: a hole, an extra named property, both at once, a subclass", () => {
    const withParams = (params: unknown[]) => ({ ...smallSpec(), families: { Stream: { summary: "s", callbacks: { opened: { doc: "d", params } } } } });
    expect(isSpec(withParams(new Array(1)))).toBe(false);
    const named = Object.assign([], { extra: 1 });
    expect(isSpec(withParams(named))).toBe(false);
    // As many own keys as a plain array of its length, but one is a name and one index is missing.
    expect(isSpec(withParams(Object.assign(new Array(1), { extra: 1 })))).toBe(false);
    expect(isSpec(withParams(new (class Params extends Array {})()))).toBe(false);
    expect(isSpec(withParams([]))).toBe(true);
  });

  it("a cycle (yaml aliases can make one) is not sure, and does not hang", () => {
    const spec = smallSpec();
    const naming = spec["naming"] as Record<string, unknown>;
    naming["self"] = naming;
    expect(isSpec(spec)).toBe(false);
    expect(isSpec(specData("a: &x [*x]\n", "cycle.yaml"))).toBe(false);
  });
});

describe("fast schema check is not sure of schemas it cannot fully read", () => {
  it("compiles the shipped schemas", () => {
    expect(compileSchemaCheck(specSchemaJson)).toBeTypeOf("function");
    expect(compileSchemaCheck(JSON.parse(read("schema/config.schema.json")))).toBeTypeOf("function");
  });

  it("refuses an unknown keyword anywhere, and another JSON Schema dialect", () => {
    const withPattern = structuredClone(specSchemaJson);
    (withPattern["properties"] as Record<string, Record<string, unknown>>)["name"]!["pattern"] = "^[a-z-]+$";
    expect(compileSchemaCheck(withPattern)).toBeUndefined();
    const withRef = structuredClone(specSchemaJson);
    (withRef["properties"] as Record<string, unknown>)["naming"] = { $ref: "#/$defs/naming" };
    expect(compileSchemaCheck(withRef)).toBeUndefined();
    expect(compileSchemaCheck({ ...specSchemaJson, $schema: "http://json-schema.org/draft-07/schema#" })).toBeUndefined();
    expect(compileSchemaCheck({ type: "object", properties: { a: { type: "date" } } })).toBeUndefined();
  });

  it("interprets the subset as JSON Schema does", () => {
    const check = compileSchemaCheck({
      type: "object",
      properties: { list: { type: "array", items: { type: "integer" }, minItems: 1 }, mode: { enum: ["a", "b"] }, one: { const: 1 } },
      required: ["list"],
      additionalProperties: { type: "boolean" },
    })!;
    expect(check({ list: [1, 2] })).toBe(true);
    expect(check({ list: [] })).toBe(false);
    expect(check({ list: [1.5] })).toBe(false);
    expect(check({})).toBe(false);
    expect(check({ list: [1], mode: "c" })).toBe(false);
    expect(check({ list: [1], one: 2 })).toBe(false);
    expect(check({ list: [1], extra: true })).toBe(true);
    expect(check({ list: [1], extra: "yes" })).toBe(false);
    expect(compileSchemaCheck({ anyOf: [{ type: "string" }, { type: "null" }] })!(null)).toBe(true);
    expect(compileSchemaCheck({ anyOf: [{ type: "string" }, { type: "null" }] })!(3)).toBe(false);
  });
});
