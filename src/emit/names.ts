/**
 * Checks that the names the generated code exports do not collide: the barrel re-exports every
 * family's class, `…Callbacks` interface and `…Lifecycle` constant, every declared type and the
 * monitor module, all in one namespace. A clash would be a compile error in generated code, so
 * it is reported (PSK4005) against the spec instead.
 */

import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { MONITOR_EXPORTS } from "../model/generated-names.js";
import type { Model } from "../model/types.js";


/** PSK4005 for every generated export name claimed twice. */
export function checkGeneratedNames(model: Model): Diagnostic[] {
  const owners = new Map<string, string>();
  const problems: Diagnostic[] = [];
  const claim = (name: string, owner: string, location?: Model["families"][number]["location"]) => {
    const previous = owners.get(name);
    if (previous === undefined) {
      owners.set(name, owner);
      return;
    }
    problems.push(diagnostic("PSK4005", `the generated name '${name}' (${owner}) clashes with ${previous}`, location));
  };
  if (model.families.some((f) => f.lifecycle)) for (const name of MONITOR_EXPORTS) claim(name, "the lifecycle monitor");
  for (const t of model.types) claim(t.name, `the declared type ${t.name}`);
  for (const f of model.families) {
    claim(f.name, `the class of family ${f.name}`, f.location);
    claim(`${f.name}Callbacks`, `the callbacks interface of family ${f.name}`, f.location);
    if (f.lifecycle) claim(`${f.name}Lifecycle`, `the lifecycle of family ${f.name}`, f.location);
  }
  return problems;
}
