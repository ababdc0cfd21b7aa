/** Compiles one family's lifecycle block against that family's callbacks. */

import { diagnostic, type Diagnostic, type SourceLocation } from "../diagnostics/index.js";
import type { Family, FamilyLifecycle } from "../model/types.js";
import { toAutomaton } from "./automaton.js";
import { monitorComponents } from "./components.js";
import { describeLifecycle } from "./describe.js";
import { isEmptyLanguage, minimize, product } from "./dfa.js";
import { compileExpression, type CompiledExpression } from "./expression.js";
import type { CallbackLocation, LifecycleSpecInput } from "./input.js";
import { lifecycleNames } from "./names.js";
import { illegalPaths, legalPaths } from "./paths.js";
import { didYouMean as closestName } from "../util/did-you-mean.js";

/**
 * Compiles `input` (declared by `input.declaredIn`, possibly an ancestor) for `family`.
 * `locateCallback` finds where a callback is declared, for PSK3006. Returns no lifecycle
 * when there is any error.
 */
export function compileFamilyLifecycle(
  family: Family,
  input: LifecycleSpecInput,
  locateCallback: (tsName: string) => CallbackLocation | undefined,
): { lifecycle?: FamilyLifecycle; diagnostics: Diagnostic[] } {
  const alphabet = family.callbacks.map((c) => c.tsName);
  const names = lifecycleNames(family.callbacks, input);
  const diagnostics: Diagnostic[] = [...names.diagnostics];
  const context = `in the lifecycle of '${input.declaredIn}'`;

  const compile = (text: NonNullable<LifecycleSpecInput["order"]>, kind: "order" | "rule") => {
    const result = compileExpression(text, kind, names.resolver, alphabet, context);
    diagnostics.push(...result.diagnostics);
    return result.expression;
  };
  const order = input.order ? compile(input.order, "order") : undefined;
  const rules = input.rules.map((rule) => compile(rule, "rule"));

  const free: string[] = [];
  for (const name of input.free) {
    const resolved = names.resolver.resolve(name.name);
    if (resolved) {
      if (resolved.tsName && !free.includes(resolved.tsName)) free.push(resolved.tsName);
      continue;
    }
    const guess = closestName(name.name, names.resolver.candidates);
    const location = { ...name.location, length: name.location.length ?? name.name.length };
    diagnostics.push(diagnostic("PSK3002", `unknown callback '${name.name}' under 'free' ${context}${guess ? ` (did you mean '${guess}'?)` : ""}`, location));
  }
  if (diagnostics.length > 0) return { diagnostics };

  const compiled = [order, ...rules].filter((e): e is CompiledExpression => e !== undefined);
  const named = new Set(compiled.flatMap((e) => e.symbols));
  for (const callback of family.callbacks) {
    if (named.has(callback.tsName) || free.includes(callback.tsName)) continue;
    const where: SourceLocation = locateCallback(callback.tsName)?.location ?? input.location;
    const inherited = input.declaredIn === family.name ? "" : ` inherited from '${input.declaredIn}'`;
    diagnostics.push(
      diagnostic(
        "PSK3006",
        `callback '${callback.specName}' of '${family.name}' is named by no expression of the lifecycle${inherited} and is not listed under 'free'`,
        where,
      ),
    );
  }
  if (diagnostics.length > 0) return { diagnostics };

  const rulesCompiled = rules as CompiledExpression[];
  const components = monitorComponents(alphabet, order, rulesCompiled);
  // Grow the product one expression at a time so an empty language is blamed on the
  // expression that made it empty.
  for (let n = 1; n <= components.length; n++) {
    const prefix = components.slice(0, n);
    const last = prefix.at(-1)!;
    const next = components[n];
    if (next && next.expression === last.expression) continue; // keep an order's anchors with it
    if (!isEmptyLanguage(product(prefix.map((c) => c.dfa), alphabet))) continue;
    const text = last.expression.text;
    const message =
      n === 1 || (last.kind !== "rule" && prefix.every((c) => c.expression === last.expression))
        ? `the ${last.expression.kind} '${text.text}' ${context} accepts no sequence of calls`
        : `the ${last.expression.kind} '${text.text}' ${context} leaves no legal sequence of calls together with the expressions before it`;
    diagnostics.push(diagnostic("PSK3005", message, { ...text.locate(0), length: Math.max(1, text.text.length) }));
    return { diagnostics };
  }

  const monitorDfa = minimize(product(components.map((c) => c.dfa), alphabet));
  const lifecycle: FamilyLifecycle = {
    declaredIn: input.declaredIn,
    aliases: names.aliases,
    ...(order ? { order: order.model } : {}),
    rules: rulesCompiled.map((r) => r.model),
    free,
    monitor: toAutomaton(monitorDfa),
    legalPaths: legalPaths(monitorDfa),
    illegalPaths: illegalPaths(monitorDfa, components),
    description: describeLifecycle({
      ...(order ? { order: { ast: order.ast, ...order.model } } : {}),
      rules: rulesCompiled.map((r) => ({ ast: r.ast, display: r.model.display, symbols: r.symbols })),
      free,
    }),
  };
  return { lifecycle, diagnostics };
}
