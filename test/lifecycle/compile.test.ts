import { describe, expect, test } from "vitest";
import { accepts } from "../../src/lifecycle/dfa.js";
import { fromAutomaton } from "../../src/lifecycle/automaton.js";
import { compileLifecycles } from "../../src/lifecycle/index.js";
import { callbackLocations, lifecycleInput, makeModel, type FamilySketch } from "./helpers.js";

function compile(sketches: FamilySketch[], blocks: Record<string, Parameters<typeof lifecycleInput>[1]>) {
  const inputs = new Map(Object.entries(blocks).map(([family, block]) => [family, lifecycleInput(family, block)]));
  const model = makeModel(sketches);
  return { model, result: compileLifecycles(model, inputs, callbackLocations(sketches)) };
}

const BASE: FamilySketch = { name: "Base", callbacks: ["open", "close", "ping"] };

describe("compileLifecycles", () => {
  test("a family without a lifecycle of its own inherits its nearest ancestor's, compiled against its own callbacks", () => {
    const sketches: FamilySketch[] = [BASE, { name: "Mid", parent: "Base", callbacks: [] }, { name: "Leaf", parent: "Mid", callbacks: ["extra"] }];
    const { result } = compile(sketches, {
      Base: { order: "start -> open -> close -> end", free: ["ping"] },
      Leaf: { order: "open -> extra* -> close", free: ["ping"] },
    });
    expect(result.diagnostics).toEqual([]);
    const [base, mid, leaf] = result.model.families;
    expect(base!.lifecycle!.declaredIn).toBe("Base");
    expect(mid!.lifecycle!.declaredIn).toBe("Base");
    expect(mid!.lifecycle!.monitor).toEqual(base!.lifecycle!.monitor);
    expect(leaf!.lifecycle!.declaredIn).toBe("Leaf");
    expect(accepts(fromAutomaton(leaf!.lifecycle!.monitor), ["open", "extra", "extra", "close"])).toBe(true);
  });

  test("an inherited lifecycle that misses a child's new callback is PSK3006 at the child's callback, once", () => {
    const sketches: FamilySketch[] = [BASE, { name: "Child", parent: "Base", callbacks: ["extra"] }, { name: "Grand", parent: "Child", callbacks: [] }];
    const { result } = compile(sketches, { Base: { order: "open -> close", free: ["ping"] } });
    expect(result.diagnostics).toMatchObject([
      { code: "PSK3006", location: { line: 120, column: 7 }, message: expect.stringContaining("inherited from 'Base'") },
      { code: "PSK3006", message: expect.stringContaining("of 'Grand'") },
    ]);
    expect(result.model.families.map((f) => f.lifecycle !== undefined)).toEqual([true, false, false]);
  });

  test("a broken expression inherited by several families is reported once", () => {
    const sketches: FamilySketch[] = [BASE, { name: "A", parent: "Base", callbacks: [] }, { name: "B", parent: "Base", callbacks: [] }];
    const { result } = compile(sketches, { Base: { order: "open -> clsoe", free: ["ping"] } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PSK3002"]);
  });

  test("families without any lifecycle get none, and the input model is left as it was", () => {
    const { model, result } = compile([BASE, { name: "Other", callbacks: ["x"] }], { Base: { order: "open -> close -> ping" } });
    const before = JSON.stringify(model);
    expect(result.model.families[1]!.lifecycle).toBeUndefined();
    expect("lifecycle" in result.model.families[1]!).toBe(false);
    expect(JSON.stringify(model)).toBe(before);
    expect(model.families[0]!.lifecycle).toBeUndefined();
  });

  test("free callbacks may come anywhere inside an anchored lifecycle, never before start or after end", () => {
    const { result } = compile([BASE], { Base: { order: "start -> open -> close -> end", free: ["ping"] } });
    const dfa = fromAutomaton(result.model.families[0]!.lifecycle!.monitor);
    expect(accepts(dfa, ["open", "ping", "ping", "close"])).toBe(true);
    expect(accepts(dfa, ["ping", "open", "close"])).toBe(false);
    expect(accepts(dfa, ["open", "close", "ping"])).toBe(false);
  });

  test("without anchors, free calls are allowed before and after the order", () => {
    const { result } = compile([BASE], { Base: { order: "open -> close", free: ["ping"] } });
    const dfa = fromAutomaton(result.model.families[0]!.lifecycle!.monitor);
    expect(accepts(dfa, ["ping", "open", "close", "ping"])).toBe(true);
  });

  test("equivalent expressions compile to the identical (canonically numbered) automaton", () => {
    const a = compile([BASE], { Base: { order: "open -> (ping -> ping*) -> close" } }).result.model.families[0]!.lifecycle!;
    const b = compile([BASE], { Base: { order: "open [-> ping*] -> ping -> close" } }).result.model.families[0]!.lifecycle!;
    expect(a.order!.automaton).toEqual(b.order!.automaton);
    expect(a.monitor).toEqual(b.monitor);
  });

  test("every field of the compiled lifecycle is filled", () => {
    const { result } = compile([BASE], {
      Base: { aliases: { OP: "open", CL: "close" }, order: "start -> OP -> CL -> end", rules: ["[ping]"], free: [] },
    });
    const lifecycle = result.model.families[0]!.lifecycle!;
    expect(lifecycle.aliases).toEqual([{ alias: "OP", tsName: "open" }, { alias: "CL", tsName: "close" }]);
    expect(lifecycle.order).toMatchObject({ source: "start -> OP -> CL -> end", display: "start -> OP -> CL -> end", startAnchored: true, endAnchored: true });
    expect(lifecycle.order!.automaton.alphabet).toEqual(["open", "close"]);
    expect(lifecycle.rules).toMatchObject([{ source: "[ping]", display: "[ping]", startAnchored: false, endAnchored: false }]);
    expect(lifecycle.monitor.alphabet).toEqual(["open", "close", "ping"]);
    expect(lifecycle.legalPaths.length).toBeGreaterThan(0);
    expect(lifecycle.illegalPaths.length).toBeGreaterThan(0);
    expect(lifecycle.description).toContain("`open`, then `close`");
    expect(lifecycle.description).toContain("optionally `ping`");
  });

  test("output is the same on every run", () => {
    const run = () => JSON.stringify(compile([BASE], { Base: { order: "start -> open [-> ping*] -> close -> end" } }).result);
    expect(run()).toBe(run());
  });
});
