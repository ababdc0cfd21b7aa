/** Conversions between the compiler's dense `Dfa` and the model's `Automaton` (a list of edges). */

import type { Automaton, Transition } from "../model/types.js";
import type { Dfa } from "./dfa.js";

/** The model form of a DFA: transitions sorted by source state, then by the symbol's alphabet index. */
export function toAutomaton(dfa: Dfa): Automaton {
  const transitions: Transition[] = [];
  dfa.delta.forEach((row, from) =>
    row.forEach((to, symbol) => {
      if (to >= 0) transitions.push({ from, symbol: dfa.alphabet[symbol]!, to });
    }),
  );
  const accepting: number[] = [];
  dfa.accepting.forEach((a, s) => {
    if (a) accepting.push(s);
  });
  return { alphabet: [...dfa.alphabet], states: dfa.delta.length, initial: dfa.initial, accepting, transitions };
}

/** The dense form of a model automaton. */
export function fromAutomaton(automaton: Automaton): Dfa {
  const delta = Array.from({ length: automaton.states }, () => automaton.alphabet.map(() => -1));
  for (const t of automaton.transitions) delta[t.from]![automaton.alphabet.indexOf(t.symbol)] = t.to;
  const accepting = Array.from({ length: automaton.states }, (_, s) => automaton.accepting.includes(s));
  return { alphabet: automaton.alphabet, initial: automaton.initial, accepting, delta };
}
