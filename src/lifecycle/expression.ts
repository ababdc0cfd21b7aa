/** Compiles one call-order expression: parse, check anchors, build its minimal DFA. */

import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { LifecycleExpression } from "../model/types.js";
import type { ExprNode, ExprProblem } from "./ast.js";
import { toAutomaton } from "./automaton.js";
import { determinize, minimize, type Dfa } from "./dfa.js";
import { printExpression } from "./display.js";
import type { LocatedText } from "./input.js";
import { thompson } from "./nfa.js";
import { parseExpression, type NameResolver } from "./parser.js";
import { regexSymbols, toAnchoredRegex } from "./regex.js";

/** An expression compiled for internal use: the model's view plus what the monitor and docs need. */
export interface CompiledExpression {
  readonly kind: "order" | "rule";
  readonly text: LocatedText;
  readonly ast: ExprNode;
  /** The callbacks the expression names (Σe), in family order. */
  readonly symbols: readonly string[];
  /** Minimal DFA over `symbols`. */
  readonly dfa: Dfa;
  readonly model: LifecycleExpression;
}

/** Maps a problem inside an expression to a diagnostic at its line and column in the spec. */
export function problemDiagnostic(problem: ExprProblem, text: LocatedText, context: string): Diagnostic {
  const location = { ...text.locate(problem.offset), length: problem.length };
  return diagnostic(problem.code, `${problem.message} ${context}`, location);
}

/**
 * Compiles `text`. `familyOrder` is the family's callbacks (TS names) in declaration order,
 * which fixes the order of each expression's alphabet.
 */
export function compileExpression(
  text: LocatedText,
  kind: "order" | "rule",
  names: NameResolver,
  familyOrder: readonly string[],
  context: string,
): { expression?: CompiledExpression; diagnostics: Diagnostic[] } {
  const parsed = parseExpression(text.text, names);
  const diagnostics = parsed.problems.map((p) => problemDiagnostic(p, text, context));
  if (!parsed.ast) return { diagnostics };
  const anchored = toAnchoredRegex(parsed.ast, kind === "order");
  diagnostics.push(...anchored.problems.map((p) => problemDiagnostic(p, text, context)));
  if (diagnostics.length > 0) return { diagnostics };
  const mentioned = regexSymbols(anchored.regex);
  // A broken alias resolves to "" (already reported as PSK3007): nothing to compile.
  if (mentioned.includes("")) return { diagnostics };
  const symbols = familyOrder.filter((name) => mentioned.includes(name));
  const index = new Map(symbols.map((name, i) => [name, i]));
  const dfa = minimize(determinize(thompson(anchored.regex, index), symbols));
  const model: LifecycleExpression = {
    source: text.text,
    display: printExpression(parsed.ast),
    automaton: toAutomaton(dfa),
    startAnchored: anchored.startAnchored,
    endAnchored: anchored.endAnchored,
  };
  return { expression: { kind, text, ast: parsed.ast, symbols, dfa, model }, diagnostics };
}
