/**
 * Deterministic automata as the compiler works with them: dense transition tables over an
 * alphabet of callback TS names, `-1` for "no transition" (the call is illegal there).
 * Every operation is deterministic: states are explored in index order and symbols in
 * alphabet order, so the same language always yields the same numbering.
 */

import type { Nfa } from "./nfa.js";

/** A (partial) DFA. `delta[state][symbolIndex]` is the next state or -1. */
export interface Dfa {
  readonly alphabet: readonly string[];
  readonly initial: number;
  readonly accepting: readonly boolean[];
  readonly delta: readonly (readonly number[])[];
}

/** The DFA that accepts nothing (one rejecting state, no transitions). */
export function emptyDfa(alphabet: readonly string[]): Dfa {
  return { alphabet, initial: 0, accepting: [false], delta: [alphabet.map(() => -1)] };
}

/** Subset construction. */
export function determinize(nfa: Nfa, alphabet: readonly string[]): Dfa {
  // Each NFA state's epsilon closure is computed once; a set's closure is their union.
  const single = new Map<number, readonly number[]>();
  const closureOf = (state: number): readonly number[] => {
    let known = single.get(state);
    if (known) return known;
    const seen = new Set<number>();
    const stack = [state];
    while (stack.length > 0) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const e of nfa.epsilon[s]!) stack.push(e);
    }
    known = [...seen];
    single.set(state, known);
    return known;
  };
  const closure = (seeds: Iterable<number>): number[] => {
    const seen = new Set<number>();
    for (const seed of seeds) for (const s of closureOf(seed)) seen.add(s);
    return [...seen].sort((a, b) => a - b);
  };
  const ids = new Map<string, number>();
  const sets: number[][] = [];
  const add = (set: number[]): number => {
    const key = set.join(",");
    let id = ids.get(key);
    if (id === undefined) {
      id = sets.length;
      ids.set(key, id);
      sets.push(set);
    }
    return id;
  };
  add(closure([nfa.start]));
  // Many DFA states move to the same NFA targets on a symbol (e.g. inside `(A | B | …)*`):
  // remember the DFA state each target list led to, so its closure is built once.
  const byTargets = new Map<string, number>();
  const target = (targets: number[]): number => {
    const key = targets.sort((a, b) => a - b).join(",");
    let id = byTargets.get(key);
    if (id === undefined) {
      id = add(closure(targets));
      byTargets.set(key, id);
    }
    return id;
  };
  const delta: number[][] = [];
  for (let i = 0; i < sets.length; i++) {
    // One pass over the set's moves, grouped by symbol, instead of one pass per symbol.
    const bySymbol = new Map<number, number[]>();
    for (const s of sets[i]!) {
      for (const move of nfa.moves[s]!) {
        const targets = bySymbol.get(move.symbol);
        if (targets) targets.push(move.to);
        else bySymbol.set(move.symbol, [move.to]);
      }
    }
    const row: number[] = new Array<number>(alphabet.length).fill(-1);
    // Symbols in alphabet order, so new sets are numbered the same way on every run.
    for (const symbol of [...bySymbol.keys()].sort((a, b) => a - b)) row[symbol] = target(bySymbol.get(symbol)!);
    delta.push(row);
  }
  return { alphabet, initial: 0, accepting: sets.map((set) => set.includes(nfa.accept)), delta };
}

/** Runs `dfa` on a sequence of TS names; undefined when some call has no transition (or is not in the alphabet). */
export function run(dfa: Dfa, calls: readonly string[]): number | undefined {
  let state = dfa.initial;
  for (const call of calls) {
    const index = dfa.alphabet.indexOf(call);
    const next = index < 0 ? -1 : dfa.delta[state]![index]!;
    if (next < 0) return undefined;
    state = next;
  }
  return state;
}

/** True when `dfa` accepts `calls`. */
export function accepts(dfa: Dfa, calls: readonly string[]): boolean {
  const state = run(dfa, calls);
  return state !== undefined && dfa.accepting[state]!;
}

/** States from which an accepting state can be reached (the state itself included). */
export function coReachable(dfa: Dfa): boolean[] {
  const live = dfa.accepting.map((a) => a);
  for (let changed = true; changed; ) {
    changed = false;
    dfa.delta.forEach((row, s) => {
      if (!live[s] && row.some((t) => t >= 0 && live[t])) {
        live[s] = true;
        changed = true;
      }
    });
  }
  return live;
}

/**
 * Keeps only states reachable from the initial state that can still reach an accepting one,
 * and renumbers them breadth-first from the initial state with symbols in alphabet order.
 * The result of an empty language is `emptyDfa`.
 */
export function trimAndNumber(dfa: Dfa): Dfa {
  const live = coReachable(dfa);
  if (!live[dfa.initial]) return emptyDfa(dfa.alphabet);
  const order = [dfa.initial];
  const numbering = new Map([[dfa.initial, 0]]);
  for (let i = 0; i < order.length; i++) {
    for (const t of dfa.delta[order[i]!]!) {
      if (t >= 0 && live[t] && !numbering.has(t)) {
        numbering.set(t, order.length);
        order.push(t);
      }
    }
  }
  return {
    alphabet: dfa.alphabet,
    initial: 0,
    accepting: order.map((s) => dfa.accepting[s]!),
    delta: order.map((s) => dfa.delta[s]!.map((t) => (t >= 0 && live[t] ? numbering.get(t)! : -1))),
  };
}

/**
 * Moore's partition refinement on a trimmed partial DFA (a missing transition behaves as
 * an implicit dead state), followed by the canonical numbering of `trimAndNumber`.
 */
export function minimize(dfa: Dfa): Dfa {
  const trimmed = trimAndNumber(dfa);
  let block: number[] = trimmed.accepting.map((a) => (a ? 1 : 0));
  let count = new Set(block).size;
  for (;;) {
    const ids = new Map<string, number>();
    const next = trimmed.delta.map((row, s) => {
      const key = [block[s], ...row.map((t) => (t < 0 ? -1 : block[t]))].join(",");
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      return id;
    });
    block = next;
    if (ids.size === count) break;
    count = ids.size;
  }
  const representative = new Map<number, number>();
  block.forEach((b, s) => {
    if (!representative.has(b)) representative.set(b, s);
  });
  const blocks = [...representative.keys()].sort((a, b) => a - b);
  const quotient: Dfa = {
    alphabet: trimmed.alphabet,
    initial: block[trimmed.initial]!,
    accepting: blocks.map((b) => trimmed.accepting[representative.get(b)!]!),
    delta: blocks.map((b) => trimmed.delta[representative.get(b)!]!.map((t) => (t < 0 ? -1 : block[t]!))),
  };
  return trimAndNumber(quotient);
}

/**
 * Re-expresses a DFA over a larger alphabet: symbols the DFA does not know loop on every
 * state (projection: calls an expression does not name do not affect it).
 */
export function lift(dfa: Dfa, alphabet: readonly string[]): Dfa {
  const own = alphabet.map((name) => dfa.alphabet.indexOf(name));
  return {
    alphabet,
    initial: dfa.initial,
    accepting: dfa.accepting,
    delta: dfa.delta.map((row, s) => own.map((i) => (i < 0 ? s : row[i]!))),
  };
}

/** The synchronous product of DFAs over the same alphabet: accepts what all of them accept. */
export function product(parts: readonly Dfa[], alphabet: readonly string[]): Dfa {
  for (const part of parts) {
    if (part.alphabet.join("\u0000") !== alphabet.join("\u0000")) throw new Error("protoskel bug: product of automata over different alphabets");
  }
  const ids = new Map<string, number>();
  const tuples: number[][] = [];
  const add = (tuple: number[]): number => {
    const key = tuple.join(",");
    let id = ids.get(key);
    if (id === undefined) {
      id = tuples.length;
      ids.set(key, id);
      tuples.push(tuple);
    }
    return id;
  };
  add(parts.map((p) => p.initial));
  const delta: number[][] = [];
  for (let i = 0; i < tuples.length; i++) {
    const tuple = tuples[i]!;
    delta.push(
      alphabet.map((_, symbol) => {
        const next = tuple.map((s, k) => parts[k]!.delta[s]![symbol]!);
        return next.some((t) => t < 0) ? -1 : add(next);
      }),
    );
  }
  return { alphabet, initial: 0, accepting: tuples.map((t) => t.every((s, k) => parts[k]!.accepting[s]!)), delta };
}

/** True when the DFA accepts no sequence at all. */
export function isEmptyLanguage(dfa: Dfa): boolean {
  return !coReachable(dfa)[dfa.initial];
}
