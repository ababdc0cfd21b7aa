/**
 * The lifecycle stage of the pipeline: compiles each family's call-order rules (its own or
 * the nearest ancestor's) into automata, test paths and a description. Pure: no I/O.
 */

import type { Diagnostic } from "../diagnostics/index.js";
import type { Family, Model } from "../model/types.js";
import { compileFamilyLifecycle } from "./family.js";
import type { CallbackLocation, LifecycleSpecInput } from "./input.js";

export type { CallbackLocation, LifecycleSpecInput, LocatedName, LocatedText } from "./input.js";
export { lifecycleDefinition, printLifecycleDefinition, type LifecycleDefinition } from "./definition.js";
export { toMermaid, type MermaidOptions } from "./mermaid.js";
export { ILLEGAL_PATH_LIMIT } from "./paths.js";

/**
 * Returns a copy of `model` whose families carry their compiled `lifecycle`: the block the
 * family declares, or else the one of its nearest ancestor that declares one, compiled
 * against this family's own (inherited-included) callbacks. `inputs` is keyed by declaring
 * family; `callbackLocations` by family. A family with errors gets no lifecycle; each
 * diagnostic is reported once even when several families inherit the same block.
 */
export function compileLifecycles(
  model: Model,
  inputs: ReadonlyMap<string, LifecycleSpecInput>,
  callbackLocations: ReadonlyMap<string, readonly CallbackLocation[]>,
): { model: Model; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const families = model.families.map((family): Family => {
    const { lifecycle: _previous, ...rest } = family;
    const declaring = [family.name, ...family.ancestors].find((name) => inputs.has(name));
    if (declaring === undefined) return rest;
    const lineage = [family.name, ...family.ancestors];
    const locate = (tsName: string) => {
      for (const name of lineage) {
        const found = callbackLocations.get(name)?.find((c) => c.tsName === tsName);
        if (found) return found;
      }
      return undefined;
    };
    const result = compileFamilyLifecycle(family, inputs.get(declaring)!, locate);
    for (const d of result.diagnostics) {
      const key = JSON.stringify([d.code, d.message, d.location]);
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(d);
    }
    return result.lifecycle ? { ...rest, lifecycle: result.lifecycle } : rest;
  });
  return { model: { ...model, families }, diagnostics };
}
