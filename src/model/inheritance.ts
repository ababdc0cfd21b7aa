/**
 * The `extends` graph: unknown parents and cycles are reported, and families are put in
 * an order where every parent comes before its children (declaration order otherwise),
 * so callbacks can be flattened in one pass.
 */

/** One family's declared parent, as the graph needs it. */
export interface FamilyEdge {
  readonly name: string;
  readonly parent?: string;
}

/** Problems in the graph and a parent-first order of the families that are sound. */
export interface InheritanceResult {
  /** Families with a known parent chain and no cycle, parents first. */
  readonly order: readonly string[];
  readonly unknownParents: readonly string[];
  /** Each cycle once, as the list of families on it, starting at its first-declared member. */
  readonly cycles: readonly (readonly string[])[];
}

/** Resolves `extends` for all families. */
export function resolveInheritance(families: readonly FamilyEdge[]): InheritanceResult {
  const byName = new Map(families.map((f) => [f.name, f]));
  const unknownParents = families.filter((f) => f.parent !== undefined && !byName.has(f.parent)).map((f) => f.name);
  const state = new Map<string, "visiting" | "done" | "bad">();
  const order: string[] = [];
  const cycles: string[][] = [];
  const seenCycle = new Set<string>();

  // Iterative walk up the parent chain: chains are at most as long as the family list.
  for (const family of families) {
    const chain: string[] = [];
    let current: string | undefined = family.name;
    while (current !== undefined && !state.has(current)) {
      state.set(current, "visiting");
      chain.push(current);
      const parent: string | undefined = byName.get(current)?.parent;
      current = parent !== undefined && byName.has(parent) ? parent : undefined;
      if (parent !== undefined && !byName.has(parent)) {
        for (const name of chain) state.set(name, "bad");
        chain.length = 0;
        current = undefined;
      }
    }
    let bad = current !== undefined && state.get(current) === "bad";
    if (current !== undefined && state.get(current) === "visiting") {
      const cycle = chain.slice(chain.indexOf(current));
      const key = [...cycle].sort().join(",");
      if (!seenCycle.has(key)) {
        seenCycle.add(key);
        const first = families.find((f) => cycle.includes(f.name))!.name;
        const start = cycle.indexOf(first);
        cycles.push([...cycle.slice(start), ...cycle.slice(0, start)]);
      }
      bad = true;
    }
    // Chain is child-first; parents must be listed first.
    for (const name of chain.reverse()) {
      state.set(name, bad ? "bad" : "done");
      if (!bad) order.push(name);
    }
  }
  return { order, unknownParents, cycles };
}
