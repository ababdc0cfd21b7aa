/** Thompson's construction: a regex becomes an NFA with ε-moves, one start and one accepting state. */

import type { Regex } from "./regex.js";

/** An NFA over symbol indexes. `epsilon[s]` and `moves[s]` are the ε- and symbol edges out of state `s`. */
export interface Nfa {
  readonly start: number;
  readonly accept: number;
  readonly epsilon: readonly (readonly number[])[];
  readonly moves: readonly (readonly { readonly symbol: number; readonly to: number }[])[];
}

/** Builds the NFA of `regex`; `symbolIndex` maps a TS name to its index in the target alphabet. */
export function thompson(regex: Regex, symbolIndex: ReadonlyMap<string, number>): Nfa {
  const epsilon: number[][] = [];
  const moves: { symbol: number; to: number }[][] = [];
  const state = (): number => {
    epsilon.push([]);
    moves.push([]);
    return epsilon.length - 1;
  };
  // Returns [entry, exit] of the fragment for `r`.
  const build = (r: Regex): [number, number] => {
    switch (r.kind) {
      case "empty": {
        const s = state();
        return [s, s];
      }
      case "symbol": {
        const index = symbolIndex.get(r.name);
        if (index === undefined) throw new Error(`protoskel bug: symbol '${r.name}' is not in the alphabet`);
        const from = state();
        const to = state();
        moves[from]!.push({ symbol: index, to });
        return [from, to];
      }
      case "concat": {
        const fragments = r.parts.map(build);
        for (let i = 0; i + 1 < fragments.length; i++) epsilon[fragments[i]![1]]!.push(fragments[i + 1]![0]);
        return [fragments[0]![0], fragments.at(-1)![1]];
      }
      case "union": {
        const entry = state();
        const exit = state();
        for (const option of r.options) {
          const [a, b] = build(option);
          epsilon[entry]!.push(a);
          epsilon[b]!.push(exit);
        }
        return [entry, exit];
      }
      case "star": {
        const entry = state();
        const exit = state();
        const [a, b] = build(r.body);
        epsilon[entry]!.push(a, exit);
        epsilon[b]!.push(a, exit);
        return [entry, exit];
      }
    }
  };
  const [start, accept] = build(regex);
  return { start, accept, epsilon, moves };
}
