/**
 * Test paths walked by the generated stub tests: legal lifecycles that take every transition
 * of the monitor at least once, and illegal sequences whose last call the monitor rejects.
 */

import type { IllegalPath, LegalPath } from "../model/types.js";
import type { Component } from "./components.js";
import type { Dfa } from "./dfa.js";

/**
 * At most this many illegal paths per family. The categories the spec asks for (calls
 * before `start` (at most 6), after `end`, a skipped first term, a repeated last call, one
 * broken step per state of each rule) come first, then one rejected call per state, so the cap only drops the
 * per-state extras of very large automata. Legal paths need no cap: there are never more
 * of them than transitions.
 */
export const ILLEGAL_PATH_LIMIT = 48;

/** At most this many rejected first calls (the "before start" category). */
const FIRST_CALL_LIMIT = 6;

/** Shortest symbol path from `from` to a state satisfying `goal`, symbols tried in alphabet order. */
function shortestPath(dfa: Dfa, from: number, goal: (state: number) => boolean): number[] | undefined {
  const previous = new Map<number, { state: number; symbol: number } | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const state = queue[i]!;
    if (goal(state)) {
      const symbols: number[] = [];
      for (let step = previous.get(state); step; step = previous.get(step.state)) symbols.unshift(step.symbol);
      return symbols;
    }
    dfa.delta[state]!.forEach((to, symbol) => {
      if (to >= 0 && !previous.has(to)) {
        previous.set(to, { state, symbol });
        queue.push(to);
      }
    });
  }
  return undefined;
}

/**
 * Complete legal sequences that together take every transition of `monitor` (a trimmed DFA,
 * so every state can still reach an accepting one). Each path greedily takes transitions not
 * yet covered, walks the shortest way to the next one, and ends by the shortest completion.
 */
export function legalPaths(monitor: Dfa): LegalPath[] {
  const covered = monitor.delta.map((row) => row.map((to) => to < 0));
  const hasUncovered = (state: number) => covered[state]!.some((done) => !done);
  const paths: LegalPath[] = [];
  while (covered.some((row) => row.some((done) => !done))) {
    let state = monitor.initial;
    const symbols: number[] = [];
    const take = (symbol: number) => {
      covered[state]![symbol] = true;
      symbols.push(symbol);
      state = monitor.delta[state]![symbol]!;
    };
    for (;;) {
      const fresh = covered[state]!.findIndex((done) => !done);
      if (fresh >= 0) {
        take(fresh);
        continue;
      }
      const detour = shortestPath(monitor, state, hasUncovered);
      if (!detour) break;
      detour.forEach(take);
    }
    shortestPath(monitor, state, (s) => monitor.accepting[s]!)!.forEach(take);
    paths.push({ calls: symbols.map((s) => monitor.alphabet[s]!) });
  }
  if (paths.length === 0 && monitor.accepting[monitor.initial]) paths.push({ calls: [] });
  return paths;
}

/** The legal sequence of calls first reaching each state (breadth-first, alphabet order). */
function accessPaths(monitor: Dfa): string[][] {
  const access: string[][] = [];
  access[monitor.initial] = [];
  const queue = [monitor.initial];
  for (let i = 0; i < queue.length; i++) {
    const state = queue[i]!;
    monitor.delta[state]!.forEach((to, symbol) => {
      if (to >= 0 && access[to] === undefined) {
        access[to] = [...access[state]!, monitor.alphabet[symbol]!];
        queue.push(to);
      }
    });
  }
  return access;
}

/** Runs one component on `calls`, returning its state (components are total on legal prefixes). */
function componentState(component: Component, calls: readonly string[]): number {
  let state = component.dfa.initial;
  for (const call of calls) state = component.dfa.delta[state]![component.dfa.alphabet.indexOf(call)]!;
  return state;
}

const code = (name: string): string => `\`${name}\``;
const list = (names: readonly string[]): string => (names.length === 0 ? "nothing" : names.map(code).join(", "));

/** The symbols `dfa` can take in `state`. */
function allowed(dfa: Dfa, state: number): string[] {
  return dfa.alphabet.filter((_, i) => dfa.delta[state]![i]! >= 0);
}

/** Explains, in words, why `call` after the legal prefix `calls` is rejected. */
export function rejectionReason(monitor: Dfa, components: readonly Component[], calls: readonly string[], call: string): string {
  const states = components.map((c) => componentState(c, calls));
  const blocked = (kind: Component["kind"]) =>
    components.findIndex((c, k) => c.kind === kind && c.dfa.delta[states[k]!]![c.dfa.alphabet.indexOf(call)]! < 0);
  let monitorState = monitor.initial;
  for (const c of calls) monitorState = monitor.delta[monitorState]![monitor.alphabet.indexOf(c)]!;
  const legalNow = allowed(monitor, monitorState);
  const orderIndex = components.findIndex((c) => c.kind === "order");
  const order = orderIndex >= 0 ? components[orderIndex]! : undefined;
  if (calls.length === 0 && blocked("start") >= 0) {
    return `${code(call)} is called before the lifecycle starts: the first call must be ${list(legalNow)}`;
  }
  if (order && order.expression.model.endAnchored && calls.length > 0) {
    const inner = order.expression.dfa;
    const orderState = componentState({ ...order, dfa: inner }, calls.filter((c) => inner.alphabet.includes(c)));
    if (allowed(inner, orderState).length === 0 && inner.accepting[orderState]) {
      const last = calls.at(-1)!;
      return call === last
        ? `a second ${code(call)}: the lifecycle ended with the first one`
        : `${code(call)} is called after the lifecycle ended (with ${code(last)}): nothing may be called after \`end\``;
    }
  }
  const orderBlocked = blocked("order");
  if (orderBlocked >= 0) {
    const inner = order!.expression.dfa;
    const orderState = componentState({ ...order!, dfa: inner }, calls.filter((c) => inner.alphabet.includes(c)));
    const next = allowed(inner, orderState);
    return calls.length === 0 || calls.every((c) => !inner.alphabet.includes(c))
      ? `${code(call)} skips the start of the order \`${order!.expression.model.display}\`, which begins with ${list(next)}`
      : `${code(call)} breaks the order \`${order!.expression.model.display}\`: after ${list(calls)} it allows ${list(next)} next`;
  }
  const ruleBlocked = blocked("rule");
  if (ruleBlocked >= 0) {
    const rule = components[ruleBlocked]!;
    const inner = rule.expression.dfa;
    const ruleState = componentState({ ...rule, dfa: inner }, calls.filter((c) => inner.alphabet.includes(c)));
    return `${code(call)} breaks the rule \`${rule.expression.model.display}\`, which allows only ${list(allowed(inner, ruleState))} here`;
  }
  if (blocked("start") >= 0) return `${code(call)} is called before the lifecycle starts`;
  return `after ${code(call)} no legal lifecycle could be completed; legal here: ${list(legalNow)}`;
}

/**
 * Sequences whose every call but the last is legal and whose last call `monitor` rejects,
 * each with the reason; see `ILLEGAL_PATH_LIMIT` for the order of preference.
 */
export function illegalPaths(monitor: Dfa, components: readonly Component[]): IllegalPath[] {
  const access = accessPaths(monitor);
  const missing = (state: number) => monitor.alphabet.filter((_, i) => monitor.delta[state]![i]! < 0);
  const picked = new Map<string, IllegalPath>();
  const pick = (state: number, call: string) => {
    const calls = [...access[state]!, call];
    const key = calls.join("\u0000");
    if (picked.size >= ILLEGAL_PATH_LIMIT || picked.has(key)) return;
    picked.set(key, { calls, reason: rejectionReason(monitor, components, access[state]!, call) });
  };
  const states = access.map((_, s) => s).sort((a, b) => a - b);
  // Before start and a skipped first term: calls rejected as the very first.
  missing(monitor.initial).slice(0, FIRST_CALL_LIMIT).forEach((call) => pick(monitor.initial, call));
  // After end: in a state with no way on, repeat the last call, then any other call.
  for (const state of states) {
    if (missing(state).length !== monitor.alphabet.length || access[state]!.length === 0) continue;
    const last = access[state]!.at(-1)!;
    pick(state, last);
    const other = monitor.alphabet.find((name) => name !== last);
    if (other !== undefined) pick(state, other);
  }
  // A broken rule: the first state (breadth-first) where some rule, and nothing else, forbids a call.
  const blockers = (state: number, call: string) =>
    components.filter((c) => c.dfa.delta[componentState(c, access[state]!)]![c.dfa.alphabet.indexOf(call)]! < 0);
  components.forEach((component) => {
    if (component.kind !== "rule") return;
    const candidates = states.flatMap((state) => missing(state).map((call) => ({ state, call, by: blockers(state, call) })));
    // One per state of the rule (e.g. `RW` before any `PW`, and a second `PW` in a row),
    // preferring calls that only this rule forbids.
    const ruleStates = [...new Set(candidates.map((c) => componentState(component, access[c.state]!)))].sort((a, b) => a - b);
    for (const ruleState of ruleStates) {
      const here = candidates.filter((c) => componentState(component, access[c.state]!) === ruleState);
      const chosen = here.find((c) => c.by.length === 1 && c.by[0] === component) ?? here.find((c) => c.by.includes(component));
      if (chosen) pick(chosen.state, chosen.call);
    }
  });
  // Then one rejected call per state.
  for (const state of states) {
    const call = missing(state)[0];
    if (call !== undefined) pick(state, call);
  }
  return [...picked.values()];
}
