/**
 * A deliberately small reading of a protoskel spec document (as parsed by the `yaml`
 * package): just what the fidelity checks compare — families, parents, callbacks, parameter
 * names, TS names and the lifecycle's order and aliases. It does not validate the spec (the
 * loader does); anything malformed simply reads as absent and then shows up as a mismatch.
 */

/** A callback as a family declares (or redeclares) it. */
export interface SpecCallbackView {
  readonly name: string;
  /** Parameter names; for a redeclaration without `params`, the inherited ones (see effectiveCallbacks). */
  readonly params: readonly string[];
  /** False when the declaration has no `params` key (a redeclaration then keeps the parent's). */
  readonly declaresParams: boolean;
  /** An explicit `tsName`, when the spec sets one. */
  readonly tsName?: string;
}

/** One family as declared in the spec (own callbacks only). */
export interface SpecFamilyView {
  readonly name: string;
  readonly extends?: string;
  readonly callbacks: readonly SpecCallbackView[];
  readonly order?: string;
  readonly aliases: ReadonlyMap<string, string>;
}

/** The parts of a spec the fidelity checks use. */
export interface SpecView {
  readonly naming: "camelCase" | "preserve";
  readonly families: readonly SpecFamilyView[];
}

type Dict = Record<string, unknown>;

function isDict(value: unknown): value is Dict {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Builds the view from a parsed YAML document. */
export function specViewFromDocument(document: unknown): SpecView {
  const root = isDict(document) ? document : {};
  const naming = isDict(root["naming"]) && root["naming"]["members"] === "preserve" ? "preserve" : "camelCase";
  const families = isDict(root["families"]) ? root["families"] : {};
  return {
    naming,
    families: Object.entries(families).map(([name, raw]) => familyView(name, isDict(raw) ? raw : {})),
  };
}

function familyView(name: string, raw: Dict): SpecFamilyView {
  const callbacks = isDict(raw["callbacks"]) ? raw["callbacks"] : {};
  const lifecycle = isDict(raw["lifecycle"]) ? raw["lifecycle"] : {};
  const aliases = isDict(lifecycle["aliases"]) ? lifecycle["aliases"] : {};
  return {
    name,
    ...(typeof raw["extends"] === "string" ? { extends: raw["extends"] } : {}),
    callbacks: Object.entries(callbacks).map(([cbName, cb]) => callbackView(cbName, isDict(cb) ? cb : {})),
    ...(typeof lifecycle["order"] === "string" ? { order: lifecycle["order"] } : {}),
    aliases: new Map(
      Object.entries(aliases).flatMap(([alias, target]) => (typeof target === "string" ? [[alias, target] as const] : [])),
    ),
  };
}

function callbackView(name: string, raw: Dict): SpecCallbackView {
  const params = Array.isArray(raw["params"]) ? raw["params"] : [];
  return {
    name,
    declaresParams: raw["params"] !== undefined,
    params: params.flatMap((p: unknown) => (isDict(p) && typeof p["name"] === "string" ? [p["name"]] : [])),
    ...(typeof raw["tsName"] === "string" ? { tsName: raw["tsName"] } : {}),
  };
}

/** A family followed by its ancestors, nearest first; stops at unknown names and cycles. */
export function lineage(spec: SpecView, familyName: string): SpecFamilyView[] {
  const chain: SpecFamilyView[] = [];
  let next: string | undefined = familyName;
  while (next !== undefined) {
    const family = spec.families.find((f) => f.name === next);
    if (!family || chain.includes(family)) break;
    chain.push(family);
    next = family.extends;
  }
  return chain;
}

/**
 * Every callback a family has, inherited ones included, each in its nearest declaration
 * (a redeclaration wins over the ancestor's), in declaration order with ancestors first.
 */
export function effectiveCallbacks(spec: SpecView, familyName: string): SpecCallbackView[] {
  const byName = new Map<string, SpecCallbackView>();
  for (const family of lineage(spec, familyName).reverse()) {
    for (const callback of family.callbacks) {
      const inherited = byName.get(callback.name);
      // As in the model: a redeclaration that leaves out `params` keeps the inherited ones.
      byName.set(callback.name, inherited && !callback.declaresParams ? { ...callback, params: inherited.params } : callback);
    }
  }
  // Order by first declaration, root first, as the model does.
  const firstSeen = lineage(spec, familyName)
    .reverse()
    .flatMap((f) => f.callbacks.map((c) => c.name))
    .filter((name, i, all) => all.indexOf(name) === i);
  return firstSeen.map((name) => byName.get(name)).filter((c): c is SpecCallbackView => c !== undefined);
}

/** The format's default member naming: `connection_made` → `connectionMade`. */
export function camelCase(name: string): string {
  return name.replace(/(?<=[A-Za-z0-9])_+([A-Za-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

/** The TypeScript name a spec name gets under the spec's naming rule. */
export function tsNameOf(spec: SpecView, name: string, explicit?: string): string {
  return explicit ?? (spec.naming === "preserve" ? name : camelCase(name));
}
