/**
 * The monitor automaton as the plain data the generated runtime monitor reads
 * (`LifecycleDefinition` in templates/lifecycle.ts.eta), and a printer that writes it as a
 * TypeScript literal for the emitter.
 */

import type { Automaton } from "../model/types.js";

/** Same shape as the generated module's `LifecycleDefinition`. */
export interface LifecycleDefinition {
  readonly family: string;
  readonly alphabet: readonly string[];
  readonly initial: number;
  readonly accepting: readonly number[];
  /** `delta[state][symbolIndex]`: the next state, or -1 when the call is illegal. */
  readonly delta: readonly (readonly number[])[];
}

/** The dense transition table of `automaton`, labelled with the family's name. */
export function lifecycleDefinition(familyName: string, automaton: Automaton): LifecycleDefinition {
  const delta = Array.from({ length: automaton.states }, () => automaton.alphabet.map(() => -1));
  for (const t of automaton.transitions) delta[t.from]![automaton.alphabet.indexOf(t.symbol)] = t.to;
  return { family: familyName, alphabet: [...automaton.alphabet], initial: automaton.initial, accepting: [...automaton.accepting], delta };
}

/**
 * `definition` as a TypeScript object literal (no trailing semicolon), one table row per
 * line with a comment naming the state, e.g. for
 * `export const ProtocolLifecycle: LifecycleDefinition = <literal>;`. Strings are JSON-quoted,
 * so any name is safe.
 */
export function printLifecycleDefinition(definition: LifecycleDefinition, indent = "  "): string {
  const rows = definition.delta.map((row, state) => `${indent}${indent}[${row.join(", ")}], // state ${state}`);
  return [
    "{",
    `${indent}family: ${JSON.stringify(definition.family)},`,
    `${indent}alphabet: [${definition.alphabet.map((name) => JSON.stringify(name)).join(", ")}],`,
    `${indent}initial: ${definition.initial},`,
    `${indent}accepting: [${definition.accepting.join(", ")}],`,
    `${indent}delta: [`,
    ...rows,
    `${indent}],`,
    "}",
  ].join("\n");
}
