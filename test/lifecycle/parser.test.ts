import { describe, expect, test } from "vitest";
import { printExpression } from "../../src/lifecycle/display.js";
import { parseExpression, type NameResolver } from "../../src/lifecycle/parser.js";
import { compileLifecycles } from "../../src/lifecycle/index.js";
import { callbackLocations, lifecycleInput, makeModel } from "./helpers.js";

const names: NameResolver = {
  candidates: ["CM", "CL", "connection_made", "connection_lost", "connectionMade", "connectionLost"],
  resolve(w) {
    const aliases: Record<string, string> = { CM: "connectionMade", CL: "connectionLost" };
    if (aliases[w]) return { tsName: aliases[w]!, isAlias: true };
    const byName: Record<string, string> = {
      connection_made: "connectionMade",
      connection_lost: "connectionLost",
      connectionMade: "connectionMade",
      connectionLost: "connectionLost",
    };
    return byName[w] ? { tsName: byName[w]!, isAlias: false } : undefined;
  },
};

describe("parser", () => {
  test.each([
    ["start -> CM [-> CL*] -> end", "start -> CM [-> CL*] -> end"],
    ["connection_made->connectionLost", "connectionMade -> connectionLost"],
    ["( CM | CL )+", "(CM | CL)+"],
    ["CM [-> CL [-> CM?]]*", "CM [-> CL [-> CM?]]*"],
    ["[CM] -> CL?", "[CM] -> CL?"],
    ["CM | CL -> CM", "CM | CL -> CM"],
  ])("%s re-prints as %s", (source, display) => {
    const { ast, problems } = parseExpression(source, names);
    expect(problems).toEqual([]);
    expect(printExpression(ast!)).toBe(display);
  });

  test("`|` binds looser than `->`", () => {
    const { ast } = parseExpression("CM | CL -> CM", names);
    expect(ast).toMatchObject({ kind: "alt", options: [{ kind: "term" }, { kind: "seq" }] });
  });

  test("spec names, TS names and aliases resolve to the TS name", () => {
    const { ast } = parseExpression("connection_made -> connectionMade -> CM", names);
    expect(ast).toMatchObject({
      kind: "seq",
      items: [
        { tsName: "connectionMade", isAlias: false, offset: 0 },
        { tsName: "connectionMade", isAlias: false, offset: 19 },
        { tsName: "connectionMade", isAlias: true, offset: 37 },
      ],
    });
  });
});

/** Compiles `order` (and rules) for a two-callback family and returns the diagnostics. */
function diagnose(block: { order?: string; rules?: string[]; aliases?: Record<string, string>; free?: string[] }) {
  const sketch = [{ name: "Fam", callbacks: ["connection_made", "connection_lost"] }];
  const input = lifecycleInput("Fam", { aliases: { CM: "connection_made", CL: "connection_lost" }, ...block });
  return compileLifecycles(makeModel(sketch), new Map([["Fam", input]]), callbackLocations(sketch)).diagnostics;
}

/** The expressions sit on line 30 (order) / 31+ (rules) starting at column 12, so offset n is column 12 + n. */
const col = (offset: number) => 12 + offset;

describe("diagnostics point at the column inside the expression", () => {
  test("PSK3001: stray character, juxtaposed terms, empty group, empty expression", () => {
    expect(diagnose({ order: "CM => CL" })).toMatchObject([
      { code: "PSK3001", location: { line: 30, column: col(3), length: 2 }, message: expect.stringContaining("write the arrow as '->'") },
    ]);
    expect(diagnose({ order: "CM -> CL; CM" })).toMatchObject([{ code: "PSK3001", location: { column: col(8) } }]);
    expect(diagnose({ order: "CM CL" })).toMatchObject([
      { code: "PSK3001", location: { column: col(3) }, message: expect.stringContaining("expected '->' before 'CL'") },
    ]);
    expect(diagnose({ order: "CM -> () -> CL" })).toMatchObject([{ code: "PSK3001", location: { column: col(6) } }]);
    expect(diagnose({ order: "  " })).toMatchObject([{ code: "PSK3001", location: { column: col(0) } }]);
    expect(diagnose({ order: "CM | | CL" })).toMatchObject([{ code: "PSK3001", location: { column: col(5) } }]);
  });

  test("PSK3002: unknown names, each one, with a suggestion", () => {
    const found = diagnose({ order: "start -> conection_made -> XYZ -> CL -> end" });
    expect(found).toMatchObject([
      { code: "PSK3002", location: { line: 30, column: col(9), length: 14 }, message: expect.stringContaining("did you mean 'connection_made'") },
      { code: "PSK3002", location: { line: 30, column: col(27), length: 3 } },
    ]);
    expect(found[1]!.message).not.toContain("did you mean");
  });

  test("PSK3002: an unknown name under free", () => {
    expect(diagnose({ order: "CM -> CL", free: ["connectionLots"] })).toMatchObject([
      { code: "PSK3002", location: { line: 40, column: 9 }, message: expect.stringContaining("did you mean 'connectionLost'") },
    ]);
  });

  test("PSK3003: unclosed, unopened and mismatched brackets", () => {
    expect(diagnose({ order: "CM [-> CL" })).toMatchObject([{ code: "PSK3003", location: { column: col(3) } }]);
    expect(diagnose({ order: "CM -> CL)" })).toMatchObject([{ code: "PSK3003", location: { column: col(8) } }]);
    expect(diagnose({ order: "(CM -> CL]" })).toMatchObject([{ code: "PSK3003", location: { column: col(9) } }]);
  });

  test("PSK3004: dangling arrows, all of them", () => {
    expect(diagnose({ order: "CM ->", rules: ["(CM -> ) -> CL", "CM -> CL ->"] })).toMatchObject([
      { code: "PSK3004", location: { line: 30, column: col(3), length: 2 } },
      { code: "PSK3004", location: { line: 31, column: col(4) } },
      { code: "PSK3004", location: { line: 32, column: col(9) } },
    ]);
  });

  test("PSK3005: an order and a rule that together allow nothing", () => {
    const found = diagnose({ order: "start -> CM -> CL -> end", rules: ["CM -> CM -> CL"] });
    expect(found).toMatchObject([{ code: "PSK3005", location: { line: 31, column: col(0), length: 14 } }]);
  });

  test("PSK3006: an uncovered callback is reported at its declaration", () => {
    const sketch = [{ name: "Fam", callbacks: ["connection_made", "connection_lost", "data_received"] }];
    const input = lifecycleInput("Fam", { order: "connection_made -> connection_lost" });
    const { diagnostics } = compileLifecycles(makeModel(sketch), new Map([["Fam", input]]), callbackLocations(sketch));
    expect(diagnostics).toMatchObject([{ code: "PSK3006", location: { line: 102, column: 7 }, message: expect.stringContaining("data_received") }]);
  });

  test("PSK3007: alias to no callback, alias shadowing a callback, alias that is no identifier", () => {
    const found = diagnose({
      aliases: { CM: "connection_made", CL: "connection_lost", XX: "conection_made", connection_lost: "connection_made", "a-b": "connection_lost" },
      order: "CM -> CL",
    });
    expect(found).toMatchObject([
      { code: "PSK3007", location: { line: 22, column: 11 }, message: expect.stringContaining("did you mean 'connection_made'") },
      { code: "PSK3007", location: { line: 23, column: 7 }, message: expect.stringContaining("shadows") },
      { code: "PSK3007", location: { line: 24, column: 7 }, message: expect.stringContaining("not an identifier") },
    ]);
  });

  test("PSK3008: anchors only at the ends of the order, never in rules", () => {
    expect(diagnose({ order: "CM -> start -> CL" })).toMatchObject([{ code: "PSK3008", location: { column: col(6) } }]);
    expect(diagnose({ order: "start -> CM -> end -> CL" })).toMatchObject([{ code: "PSK3008", location: { column: col(15) } }]);
    expect(diagnose({ order: "(start -> CM) | CL" })).toMatchObject([{ code: "PSK3008", location: { column: col(1) } }]);
    expect(diagnose({ order: "CM -> CL", rules: ["start -> CM"] })).toMatchObject([{ code: "PSK3008", location: { line: 31, column: col(0) } }]);
  });

  test("every problem is reported, not only the first", () => {
    const found = diagnose({ order: "start -> CX -> (CL", rules: ["CM ->", "end"] });
    expect(found.map((d) => d.code)).toEqual(["PSK3002", "PSK3003", "PSK3004", "PSK3008"]);
  });
});
