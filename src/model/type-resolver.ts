/**
 * Parses every type and default expression of a spec and checks that each type name it
 * uses resolves: a built-in, a declared type, or a family. Expressions are parsed once
 * each and concurrently; diagnostics point at the column inside the expression.
 */

import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { parseDefaultExpression, parseTypeExpression } from "../spec/ts-syntax.js";
import type { LocatedText } from "../lifecycle/input.js";
import { didYouMean } from "../util/did-you-mean.js";
import { BUILTIN_TYPES } from "./builtins.js";
import type { TypeExpr } from "./types.js";

/** Resolves type expressions against the names a spec declares. */
export class TypeResolver {
  readonly diagnostics: Diagnostic[] = [];

  /** @param declared type names the spec declares (types and families). */
  constructor(private readonly declared: ReadonlySet<string>) {}

  /** A type expression, or undefined when it is invalid (a diagnostic is recorded). */
  async type(source: LocatedText): Promise<TypeExpr | undefined> {
    const parsed = await parseTypeExpression(source.text);
    if (!parsed.ok) {
      this.diagnostics.push(diagnostic("PSK2004", `invalid type '${source.text}': ${parsed.message}`, source.locate(parsed.offset)));
      return undefined;
    }
    const references: string[] = [];
    let ok = true;
    for (const ref of parsed.references) {
      if (this.declared.has(ref.name)) {
        if (!references.includes(ref.name)) references.push(ref.name);
      } else if (!BUILTIN_TYPES.has(ref.name)) {
        const guess = didYouMean(ref.name, [...this.declared, ...BUILTIN_TYPES]);
        const location = { ...source.locate(ref.offset), length: ref.name.length };
        this.diagnostics.push(diagnostic("PSK2003", `unknown type '${ref.name}'${guess ? ` (did you mean '${guess}'?)` : ""}`, location));
        ok = false;
      }
    }
    if (!ok) return undefined;
    return { text: parsed.text, references, isVoid: parsed.text === "void" || parsed.text === "undefined" };
  }

  /** A default-value expression, re-printed, or undefined when invalid. */
  async value(source: LocatedText): Promise<string | undefined> {
    const parsed = await parseDefaultExpression(source.text);
    if (!parsed.ok) {
      this.diagnostics.push(diagnostic("PSK2017", `invalid default '${source.text}': ${parsed.message}`, source.locate(parsed.offset)));
      return undefined;
    }
    return parsed.text;
  }
}
