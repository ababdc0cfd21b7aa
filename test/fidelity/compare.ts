/**
 * The fidelity comparisons. Each returns a list of human-readable problems (empty when
 * faithful) rather than asserting, so the tests can also run them on deliberately broken
 * inputs and prove that they notice.
 */

import type { ReferenceClass } from "./reference.js";
import type { MethodTable } from "./ts-members.js";
import { effectiveCallbacks, lineage, tsNameOf, type SpecView } from "./spec-view.js";

/** Whitespace-insensitive form of a call-order expression. */
function normaliseOrder(expression: string): string {
  return expression.replace(/\s+/g, "");
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Reference → spec: every class is a family with the same base, every method a callback
 * (declared or inherited) with the same parameters in the same order, every stated state
 * machine the family's `order` with the same aliases; and the spec adds no family or
 * callback the reference lacks.
 */
export function compareReferenceToSpec(reference: readonly ReferenceClass[], spec: SpecView): string[] {
  const problems: string[] = [];
  for (const cls of reference) {
    const family = spec.families.find((f) => f.name === cls.name);
    if (!family) {
      problems.push(`class ${cls.name} is not a family of the spec`);
      continue;
    }
    if (family.extends !== cls.base) {
      problems.push(`${cls.name} extends ${cls.base ?? "nothing"} in the reference but ${family.extends ?? "nothing"} in the spec`);
    }
    const callbacks = effectiveCallbacks(spec, cls.name);
    for (const method of cls.methods) {
      const callback = callbacks.find((c) => c.name === method.name);
      if (!callback) {
        problems.push(`${cls.name}.${method.name} is missing from the spec`);
      } else if (!sameList(callback.params, method.params)) {
        problems.push(
          `${cls.name}.${method.name} takes (${method.params.join(", ")}) in the reference but (${callback.params.join(", ")}) in the spec`,
        );
      }
    }
    for (const callback of callbacks) {
      if (!cls.methods.some((m) => m.name === callback.name)) {
        problems.push(`${cls.name}.${callback.name} is in the spec but not in the reference`);
      }
    }
    if (cls.stateMachine) problems.push(...compareStateMachine(cls, spec));
  }
  for (const family of spec.families) {
    if (!reference.some((c) => c.name === family.name)) problems.push(`family ${family.name} is not a class of the reference`);
  }
  return problems;
}

/** The reference's state machine against the lifecycle the family declares or inherits. */
function compareStateMachine(cls: ReferenceClass, spec: SpecView): string[] {
  const machine = cls.stateMachine;
  if (!machine) return [];
  const declaring = lineage(spec, cls.name).find((f) => f.order !== undefined);
  if (!declaring?.order) return [`${cls.name} has no lifecycle order; the reference gives "${machine.order}"`];
  const problems: string[] = [];
  if (normaliseOrder(declaring.order) !== normaliseOrder(machine.order)) {
    problems.push(`${cls.name}'s order is "${declaring.order}" but the reference gives "${machine.order}"`);
  }
  for (const [alias, target] of machine.aliases) {
    const mine = declaring.aliases.get(alias);
    if (mine !== target) problems.push(`${cls.name}'s alias ${alias} names ${mine ?? "nothing"}; the reference says ${target}`);
  }
  return problems;
}

/**
 * Spec → generated TypeScript: each callback of each family (inherited ones included) is
 * declared, under its TS name and with its parameters' TS names in order, in the family's
 * file or, for an inherited callback, in an ancestor's file. `files` maps a family name to
 * the method table of its generated file; a family without an entry is reported.
 */
export function compareSpecToGenerated(spec: SpecView, files: ReadonlyMap<string, MethodTable>): string[] {
  const problems: string[] = [];
  for (const family of spec.families) {
    if (!files.has(family.name)) {
      problems.push(`no generated file for family ${family.name}`);
      continue;
    }
    const searchOrder = lineage(spec, family.name).flatMap((f) => {
      const table = files.get(f.name);
      return table ? [table] : [];
    });
    for (const callback of effectiveCallbacks(spec, family.name)) {
      const tsName = tsNameOf(spec, callback.name, callback.tsName);
      const expected = callback.params.map((p) => tsNameOf(spec, p));
      // The nearest file that declares the member is the one a reader (and `tsc`) sees.
      const declarations = searchOrder.find((table) => table.has(tsName))?.get(tsName) ?? [];
      if (declarations.length === 0) {
        problems.push(`${family.name}.${tsName} (${callback.name}) is not declared in the generated code`);
      } else if (!declarations.every((params) => sameList(params, expected))) {
        problems.push(
          `${family.name}.${tsName} takes (${expected.join(", ")}) per the spec but is declared as ${declarations
            .map((d) => `(${d.join(", ")})`)
            .join(" / ")}`,
        );
      }
    }
  }
  return problems;
}
