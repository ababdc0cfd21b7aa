/**
 * The components whose product is the monitor automaton. Each is a DFA over all the
 * family's callbacks (Σ): an expression's DFA lifted so that calls it does not name loop
 * (projection), and one small DFA per anchor.
 */

import { lift, type Dfa } from "./dfa.js";
import type { CompiledExpression } from "./expression.js";

/** One factor of the monitor product, with what is needed to explain a rejection. */
export interface Component {
  readonly kind: "order" | "rule" | "start" | "end";
  readonly expression: CompiledExpression;
  readonly dfa: Dfa;
}

/**
 * `start`: the sequence is empty or its first call is one the order names. State 0 is
 * "nothing called yet", state 1 "begun"; both accept.
 */
export function startAnchorDfa(alphabet: readonly string[], orderSymbols: readonly string[]): Dfa {
  return {
    alphabet,
    initial: 0,
    accepting: [true, true],
    delta: [alphabet.map((name) => (orderSymbols.includes(name) ? 1 : -1)), alphabet.map(() => 1)],
  };
}

/**
 * `end`: the sequence is empty or its last call is one the order names. State 0 (accepting)
 * means the last call was in the order, state 1 that it was not.
 */
export function endAnchorDfa(alphabet: readonly string[], orderSymbols: readonly string[]): Dfa {
  const row = alphabet.map((name) => (orderSymbols.includes(name) ? 0 : 1));
  return { alphabet, initial: 0, accepting: [true, false], delta: [row, row] };
}

/** The components for an order (if any) and rules, over `alphabet`, in a fixed order: order, anchors, rules. */
export function monitorComponents(
  alphabet: readonly string[],
  order: CompiledExpression | undefined,
  rules: readonly CompiledExpression[],
): Component[] {
  const components: Component[] = [];
  if (order) {
    components.push({ kind: "order", expression: order, dfa: lift(order.dfa, alphabet) });
    if (order.model.startAnchored) components.push({ kind: "start", expression: order, dfa: startAnchorDfa(alphabet, order.symbols) });
    if (order.model.endAnchored) components.push({ kind: "end", expression: order, dfa: endAnchorDfa(alphabet, order.symbols) });
  }
  for (const rule of rules) components.push({ kind: "rule", expression: rule, dfa: lift(rule.dfa, alphabet) });
  return components;
}
