/** Name resolution for lifecycle expressions: callback spec names, TS names and aliases. */

import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { Callback } from "../model/types.js";
import type { LifecycleSpecInput } from "./input.js";
import type { NameResolver } from "./parser.js";
import { didYouMean as closestName } from "../util/did-you-mean.js";

const IDENTIFIER = /^[\p{L}\p{Nl}_$][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_$]*$/u;

/** The names a family's lifecycle may use, with the aliases that are valid. */
export interface LifecycleNames {
  readonly resolver: NameResolver;
  /** Valid aliases, in declaration order. */
  readonly aliases: readonly { readonly alias: string; readonly tsName: string }[];
  /** PSK3007 problems with the aliases. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Builds the resolver for one lifecycle block compiled against `callbacks`. A broken alias
 * (bad target) still resolves, to an empty TS name, so its uses do not add a second,
 * misleading "unknown callback" diagnostic.
 */
export function lifecycleNames(callbacks: readonly Callback[], input: LifecycleSpecInput): LifecycleNames {
  const callbackNames = new Map<string, string>();
  for (const cb of callbacks) {
    callbackNames.set(cb.specName, cb.tsName);
    callbackNames.set(cb.tsName, cb.tsName);
  }
  const aliasTargets = new Map<string, string>();
  const aliases: { alias: string; tsName: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  const where = `in the lifecycle of '${input.declaredIn}'`;
  for (const { alias, target } of input.aliases) {
    const located = (l: typeof alias) => ({ ...l.location, length: l.location.length ?? l.name.length });
    const tsName = callbackNames.get(target.name);
    if (!IDENTIFIER.test(alias.name)) {
      diagnostics.push(diagnostic("PSK3007", `alias '${alias.name}' ${where} is not an identifier`, located(alias)));
      continue;
    }
    if (alias.name === "start" || alias.name === "end") {
      diagnostics.push(diagnostic("PSK3007", `alias '${alias.name}' ${where} would hide the '${alias.name}' anchor`, located(alias)));
      continue;
    }
    const shadowed = callbackNames.get(alias.name);
    if (shadowed !== undefined && shadowed !== tsName) {
      diagnostics.push(diagnostic("PSK3007", `alias '${alias.name}' ${where} shadows the callback '${alias.name}'`, located(alias)));
      continue;
    }
    if (tsName === undefined) {
      const guess = closestName(target.name, [...callbackNames.keys()]);
      const hint = guess ? ` (did you mean '${guess}'?)` : "";
      diagnostics.push(diagnostic("PSK3007", `alias '${alias.name}' ${where} names '${target.name}', which is not a callback of the family${hint}`, located(target)));
      aliasTargets.set(alias.name, "");
      continue;
    }
    aliasTargets.set(alias.name, tsName);
    aliases.push({ alias: alias.name, tsName });
  }
  const candidates = [...new Set([...aliasTargets.keys(), ...callbacks.map((c) => c.specName), ...callbacks.map((c) => c.tsName)])];
  const resolver: NameResolver = {
    candidates,
    resolve(written) {
      const viaAlias = aliasTargets.get(written);
      if (viaAlias !== undefined && !callbackNames.has(written)) return { tsName: viaAlias, isAlias: true };
      const tsName = callbackNames.get(written);
      return tsName === undefined ? undefined : { tsName, isAlias: false };
    },
  };
  return { resolver, aliases, diagnostics };
}
