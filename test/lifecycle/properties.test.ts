import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { accepts, determinize, lift, minimize, run, type Dfa } from "../../src/lifecycle/dfa.js";
import { fromAutomaton } from "../../src/lifecycle/automaton.js";
import { compileExpression } from "../../src/lifecycle/expression.js";
import { compileLifecycles } from "../../src/lifecycle/index.js";
import { lifecycleDefinition } from "../../src/lifecycle/definition.js";
import { thompson } from "../../src/lifecycle/nfa.js";
import { parseExpression, type NameResolver } from "../../src/lifecycle/parser.js";
import { toAnchoredRegex, regexSymbols } from "../../src/lifecycle/regex.js";
import { callbackLocations, lifecycleInput, located, makeModel } from "./helpers.js";
import { printRef, refArbitrary, refHasCompletion, refLegal, refMatches, refNames, type Ref, type RefLifecycle } from "./reference.js";
import { loadRuntime, type RuntimeModule } from "./runtime.js";

const EXPR_NAMES = ["a", "b", "c", "d"];
const ALPHABET = [...EXPR_NAMES, "e"];
const resolver: NameResolver = {
  candidates: ALPHABET,
  resolve: (w) => (ALPHABET.includes(w) ? { tsName: w, isAlias: false } : undefined),
};
const word = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 8 });

let runtime: RuntimeModule;
beforeAll(async () => {
  runtime = await loadRuntime();
});

describe("expression automata", () => {
  test("the minimal DFA accepts exactly what the backtracking matcher accepts (with projection)", () => {
    fc.assert(
      fc.property(refArbitrary(EXPR_NAMES), fc.array(word, { minLength: 1, maxLength: 20 }), (ref, words) => {
        const text = printRef(ref);
        const { expression, diagnostics } = compileExpression(located(text), "rule", resolver, ALPHABET, "");
        expect(diagnostics, text).toEqual([]);
        const dfa = lift(expression!.dfa, ALPHABET);
        const names = refNames(ref);
        for (const w of words) expect(accepts(dfa, w), `${text} on ${w.join(" ")}`).toBe(refMatches(ref, w.filter((c) => names.has(c))));
      }),
      { numRuns: 300 },
    );
  });

  test("minimisation keeps the language, never adds states, and is canonical (idempotent)", () => {
    fc.assert(
      fc.property(refArbitrary(EXPR_NAMES), fc.array(fc.array(fc.constantFrom(...EXPR_NAMES), { maxLength: 8 }), { maxLength: 20 }), (ref, words) => {
        const ast = parseExpression(printRef(ref), resolver).ast!;
        const regex = toAnchoredRegex(ast, false).regex;
        const symbols = EXPR_NAMES.filter((n) => regexSymbols(regex).includes(n));
        const raw = determinize(thompson(regex, new Map(symbols.map((s, i) => [s, i]))), symbols);
        const min = minimize(raw);
        expect(min.delta.length).toBeLessThanOrEqual(raw.delta.length);
        expect(minimize(min)).toEqual(min);
        for (const w of words) {
          const projected = w.filter((c) => symbols.includes(c));
          expect(accepts(min, projected)).toBe(accepts(raw, projected));
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** The shortest calls from `state` to an accepting state (breadth-first). */
function completion(dfa: Dfa, state: number): string[] {
  const paths = new Map<number, string[]>([[state, []]]);
  const queue = [state];
  for (const s of queue) {
    if (dfa.accepting[s]) return paths.get(s)!;
    dfa.delta[s]!.forEach((t, i) => {
      if (t >= 0 && !paths.has(t)) {
        paths.set(t, [...paths.get(s)!, dfa.alphabet[i]!]);
        queue.push(t);
      }
    });
  }
  throw new Error(`state ${state} cannot complete: the monitor is not trimmed`);
}

const lifecycleArbitrary: fc.Arbitrary<RefLifecycle> = fc
  .record({
  order: fc.option(fc.record({ expr: refArbitrary(EXPR_NAMES), start: fc.boolean(), end: fc.boolean() }), { nil: undefined }),
  rules: fc.array(refArbitrary(EXPR_NAMES), { maxLength: 2 }),
}).map(({ order, rules }): RefLifecycle => (order ? { order, rules } : { rules }));

/** Compiles a reference lifecycle through the real entry point; uncovered callbacks go under `free`. */
function compileRef(lifecycle: RefLifecycle) {
  const sketch = [{ name: "Fam", callbacks: ALPHABET }];
  const exprs: Ref[] = [...(lifecycle.order ? [lifecycle.order.expr] : []), ...lifecycle.rules];
  const named = new Set(exprs.flatMap((e) => [...refNames(e)]));
  const order = lifecycle.order
    ? `${lifecycle.order.start ? "start -> " : ""}${printRef(lifecycle.order.expr).replace(/^(.*\|.*)$/, "($1)")}${lifecycle.order.end ? " -> end" : ""}`
    : undefined;
  const input = lifecycleInput("Fam", {
    ...(order !== undefined ? { order } : {}),
    rules: lifecycle.rules.map(printRef),
    free: ALPHABET.filter((n) => !named.has(n)),
  });
  return compileLifecycles(makeModel(sketch), new Map([["Fam", input]]), callbackLocations(sketch));
}

describe("monitor automaton (product of order, anchors and rules)", () => {
  test("accepts a sequence exactly when the spec's definition calls it legal, and rejects a call only when no legal completion exists", () => {
    fc.assert(
      fc.property(lifecycleArbitrary, fc.array(word, { minLength: 1, maxLength: 10 }), (lifecycle, words) => {
        const result = compileRef(lifecycle);
        const family = result.model.families[0]!;
        if (!family.lifecycle) {
          // Only an empty language may stop compilation here; confirm none of the words is legal.
          expect(result.diagnostics.map((d) => d.code)).toEqual(["PSK3005"]);
          for (const w of words) expect(refLegal(lifecycle, w)).toBe(false);
          return;
        }
        expect(result.diagnostics).toEqual([]);
        const monitor = fromAutomaton(family.lifecycle.monitor);
        for (const w of words) {
          const state = run(monitor, w);
          expect(state !== undefined && monitor.accepting[state], w.join(" ")).toBe(refLegal(lifecycle, w));
          // Reject as soon as no legal sequence begins with the calls so far, and not earlier:
          // at the first rejected call no completion exists (searched exhaustively, 3 calls
          // deep), and every accepted prefix has one (the monitor's shortest completion,
          // confirmed by the reference).
          const rejectedAt = w.findIndex((_, k) => run(monitor, w.slice(0, k + 1)) === undefined);
          const accepted = rejectedAt < 0 ? w : w.slice(0, rejectedAt);
          expect(refLegal(lifecycle, [...accepted, ...completion(monitor, run(monitor, accepted)!)])).toBe(true);
          if (rejectedAt >= 0) expect(refHasCompletion(lifecycle, ALPHABET, w.slice(0, rejectedAt + 1), 3)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  });

  test("legal paths are legal, end complete and cover every transition; illegal paths fail exactly at their last call (automaton and runtime monitor)", () => {
    fc.assert(
      fc.property(lifecycleArbitrary, (lifecycle) => {
        const family = compileRef(lifecycle).model.families[0]!;
        fc.pre(family.lifecycle !== undefined);
        const { monitor, legalPaths, illegalPaths } = family.lifecycle!;
        const dfa = fromAutomaton(monitor);
        const definition = lifecycleDefinition("Fam", monitor);
        const taken = new Set<string>();
        for (const path of legalPaths) {
          expect(refLegal(lifecycle, path.calls)).toBe(true);
          expect(accepts(dfa, path.calls)).toBe(true);
          let state = dfa.initial;
          for (const call of path.calls) {
            taken.add(`${state}:${call}`);
            state = dfa.delta[state]![dfa.alphabet.indexOf(call)]!;
          }
          const m = new runtime.LifecycleMonitor(definition);
          for (const call of path.calls) m.step(call);
          expect(m.complete).toBe(true);
        }
        expect(taken).toEqual(new Set(monitor.transitions.map((t) => `${t.from}:${t.symbol}`)));
        for (const path of illegalPaths) {
          expect(run(dfa, path.calls.slice(0, -1))).not.toBeUndefined();
          expect(run(dfa, path.calls)).toBeUndefined();
          expect(path.reason.length).toBeGreaterThan(10);
          const m = new runtime.LifecycleMonitor(definition);
          path.calls.slice(0, -1).forEach((call) => m.step(call));
          expect(() => m.step(path.calls.at(-1)!)).toThrow(runtime.LifecycleError);
        }
        // At least one illegal path per state that rejects some call (within the cap).
        const rejecting = [...Array(monitor.states).keys()].filter((s) => dfa.delta[s]!.some((t) => t < 0));
        if (illegalPaths.length < 48) {
          for (const s of rejecting) expect(illegalPaths.some((p) => run(dfa, p.calls.slice(0, -1)) === s), `state ${s}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
