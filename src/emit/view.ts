/**
 * The typed view of the model that templates read (`it` inside a template). It is the model
 * re-shaped for output: names of generated symbols decided once, imports worked out, the
 * lifecycle automaton turned into a transition table. Everything here is plain data; the text
 * helpers (escaping) come from helpers.ts and sit next to this data on `it`.
 *
 * Generated symbol names (documented contract):
 * - `FAMILY`           the abstract base class, in `src/FAMILY.ts`;
 * - `FAMILYCallbacks`  the structural interface of the same callbacks (`implements` it to get
 *                      the typing without inheriting);
 * - `FAMILYLifecycle`  the lifecycle automaton as a `LifecycleDefinition`, when the family has one.
 */

import type { Automaton, Callback, Family, FamilyLifecycle, Model, TypeDecl } from "../model/types.js";
import type { TemplateHelpers } from "./helpers.js";

/** One parameter of a callback. */
export interface ParamView {
  /** TypeScript parameter name. */
  readonly name: string;
  readonly specName: string;
  /** The type as TypeScript text. */
  readonly type: string;
  readonly optional: boolean;
  /** Markdown. */
  readonly doc?: string;
}

/** One callback of a family, as the family's file and page show it. */
export interface CallbackView {
  /** TypeScript member name. */
  readonly name: string;
  readonly specName: string;
  /** First sentence of `doc`, one line. */
  readonly summary: string;
  /** Markdown. */
  readonly doc: string;
  readonly params: readonly ParamView[];
  /** Return type as TypeScript text. */
  readonly returnType: string;
  readonly returnsVoid: boolean;
  /** Markdown. */
  readonly returnsDoc?: string;
  /** The TS expression the no-op default returns (absent for void and required callbacks). */
  readonly defaultExpr?: string;
  /** Abstract: no default body. */
  readonly required: boolean;
  /** Markdown. */
  readonly remarks?: string;
  /** The family that first declared the callback. */
  readonly declaredIn: string;
  /** The family whose docs this callback shows. */
  readonly documentedIn: string;
  /** Neither declared nor redeclared by this family: not repeated in its class. */
  readonly inherited: boolean;
  /** Declared by an ancestor and redeclared (re-documented) by this family: needs `override`. */
  readonly redeclared: boolean;
}

/** One edge of a drawn automaton. */
export interface EdgeView {
  readonly from: number;
  readonly to: number;
  readonly symbol: string;
}

/** An automaton, ready to draw. */
export interface DiagramView {
  readonly states: number;
  readonly initial: number;
  readonly accepting: readonly number[];
  readonly edges: readonly EdgeView[];
}

/** One call-order expression of a lifecycle. */
export interface LifecycleExpressionView {
  readonly kind: "order" | "rule";
  /** As the spec wrote it. */
  readonly source: string;
  /** Re-printed with TS names. */
  readonly display: string;
  readonly diagram: DiagramView;
}

/** A family's lifecycle, as data for the generated `FAMILYLifecycle` and the docs. */
export interface LifecycleView {
  /** The family that declared these rules (this one or an ancestor). */
  readonly declaredIn: string;
  readonly inherited: boolean;
  /** TS names the monitor knows, in family order; `delta` columns follow this order. */
  readonly alphabet: readonly string[];
  readonly initial: number;
  readonly accepting: readonly number[];
  /** `delta[state][symbolIndex]`: the next state, or -1 when the call is illegal there. */
  readonly delta: readonly (readonly number[])[];
  readonly expressions: readonly LifecycleExpressionView[];
  /** The monitor automaton (product of every expression), drawn. */
  readonly monitor: DiagramView;
  readonly aliases: readonly { readonly alias: string; readonly tsName: string }[];
  readonly free: readonly string[];
  /** Plain-English reading of the rules. */
  readonly description: string;
  readonly legalPaths: readonly (readonly string[])[];
  readonly illegalPaths: readonly { readonly calls: readonly string[]; readonly reason: string }[];
}

/** One protocol family. */
export interface FamilyView {
  readonly name: string;
  /** `FAMILYCallbacks`. */
  readonly callbacksInterface: string;
  /** `FAMILYLifecycle`, present when the family has (or inherits) a lifecycle. */
  readonly lifecycleConst?: string;
  readonly summary: string;
  /** Markdown. */
  readonly doc?: string;
  readonly parent?: string;
  /** The parent's `…Callbacks` interface, which this family's interface extends. */
  readonly parentCallbacksInterface?: string;
  /** Nearest first. */
  readonly ancestors: readonly string[];
  readonly children: readonly string[];
  /** Every callback, inherited ones included, ancestors' first. */
  readonly callbacks: readonly CallbackView[];
  /** Callbacks this family declares or redeclares: the members its class and interface hold. */
  readonly own: readonly CallbackView[];
  /** Callbacks it only inherits: linked, not repeated. */
  readonly inherited: readonly CallbackView[];
  /** Callbacks a concrete subclass must implement (inherited ones included). */
  readonly required: readonly CallbackView[];
  /** Declared types the family's own members use, imported type-only from `./types.js`. */
  readonly typeImports: readonly string[];
  /** Other families the own members use, imported type-only from `./FAMILY.js` (parent excluded). */
  readonly familyImports: readonly string[];
  readonly lifecycle?: LifecycleView;
}

/** A declared type, as `src/types.ts` emits it. */
export type TypeDeclView =
  | { readonly kind: "import"; readonly name: string; readonly from: string; readonly doc?: string }
  | { readonly kind: "alias"; readonly name: string; readonly type: string; readonly doc?: string }
  | {
      readonly kind: "interface";
      readonly name: string;
      readonly doc?: string;
      /** `key` is already valid TypeScript property-name syntax (quoted when needed). */
      readonly fields: readonly { readonly key: string; readonly name: string; readonly type: string; readonly optional: boolean; readonly doc?: string }[];
    };

/** Type-only imports grouped by module, in first-declaration order. */
export interface ImportGroup {
  readonly from: string;
  readonly names: readonly string[];
}

/** The whole spec. */
export interface SpecView {
  /** The spec file as given, `/`-separated. */
  readonly specFile: string;
  readonly name: string;
  readonly summary: string;
  /** Markdown. */
  readonly doc?: string;
  readonly families: readonly FamilyView[];
  readonly types: readonly TypeDeclView[];
  /** `from` types grouped by module, for `src/types.ts`. */
  readonly typeModules: readonly ImportGroup[];
  /** Families that alias/interface types refer to, imported type-only into `src/types.ts`. */
  readonly typesFileFamilyImports: readonly string[];
  /** True when any family has a lifecycle: `src/lifecycle.ts` is emitted. */
  readonly hasLifecycle: boolean;
}

/** What every template receives (`it`). Partials receive the same plus their own fields. */
export interface TemplateData extends TemplateHelpers {
  /** The rendered file header (from `_header.ts.eta` or `_header.md.eta`). */
  readonly header: string;
  readonly spec: SpecView;
  /** Which runner the stub tests target. */
  readonly tests: "vitest" | "node";
}

/** Data of the per-family templates (`family.ts.eta`, `family.md.eta`, `family.test.*.ts.eta`). */
export interface FamilyTemplateData extends TemplateData {
  readonly family: FamilyView;
}

/** Data of the callback partials (`_callback-*.eta`, `_signature.ts.eta`). */
export interface CallbackPartialData extends FamilyTemplateData {
  readonly callback: CallbackView;
  /** Indentation of the member being rendered. */
  readonly indent: string;
}

/** Data of `_tsdoc.ts.eta`. */
export interface TsdocPartialData extends TemplateData {
  /** Lines already made safe with `it.tsdoc`. */
  readonly lines: readonly string[];
  readonly indent: string;
}

/** Data of `_state-diagram.md.eta`. */
export interface DiagramPartialData extends TemplateData {
  readonly diagram: DiagramView;
}

function callbackView(family: Family, cb: Callback): CallbackView {
  return {
    name: cb.tsName,
    specName: cb.specName,
    summary: cb.summary,
    doc: cb.doc,
    params: cb.params.map((p) => ({
      name: p.tsName,
      specName: p.specName,
      type: p.type.text,
      optional: p.optional,
      ...(p.doc !== undefined ? { doc: p.doc } : {}),
    })),
    returnType: cb.returns.type.text,
    returnsVoid: cb.returns.type.isVoid,
    ...(cb.returns.doc !== undefined ? { returnsDoc: cb.returns.doc } : {}),
    ...(cb.defaultExpr !== undefined && !cb.required ? { defaultExpr: cb.defaultExpr } : {}),
    required: cb.required,
    ...(cb.remarks !== undefined ? { remarks: cb.remarks } : {}),
    declaredIn: cb.declaredIn,
    documentedIn: cb.documentedIn,
    inherited: cb.inherited,
    redeclared: !cb.inherited && cb.declaredIn !== family.name,
  };
}

function diagramView(automaton: Automaton): DiagramView {
  return {
    states: automaton.states,
    initial: automaton.initial,
    accepting: [...automaton.accepting],
    edges: automaton.transitions.map((t) => ({ from: t.from, to: t.to, symbol: t.symbol })),
  };
}

/** `delta[state][symbolIndex]` from the transition list; -1 where no transition exists. */
export function transitionTable(automaton: Automaton): number[][] {
  const index = new Map(automaton.alphabet.map((symbol, i) => [symbol, i] as const));
  const table = Array.from({ length: automaton.states }, () => automaton.alphabet.map(() => -1));
  for (const t of automaton.transitions) {
    const column = index.get(t.symbol);
    const row = table[t.from];
    if (column !== undefined && row !== undefined) row[column] = t.to;
  }
  return table;
}

function lifecycleView(family: Family, lc: FamilyLifecycle): LifecycleView {
  const expressions: LifecycleExpressionView[] = [];
  if (lc.order) expressions.push({ kind: "order", source: lc.order.source, display: lc.order.display, diagram: diagramView(lc.order.automaton) });
  for (const rule of lc.rules) expressions.push({ kind: "rule", source: rule.source, display: rule.display, diagram: diagramView(rule.automaton) });
  return {
    declaredIn: lc.declaredIn,
    inherited: lc.declaredIn !== family.name,
    alphabet: [...lc.monitor.alphabet],
    initial: lc.monitor.initial,
    accepting: [...lc.monitor.accepting],
    delta: transitionTable(lc.monitor),
    expressions,
    monitor: diagramView(lc.monitor),
    aliases: lc.aliases.map((a) => ({ alias: a.alias, tsName: a.tsName })),
    free: [...lc.free],
    description: lc.description,
    legalPaths: lc.legalPaths.map((p) => [...p.calls]),
    illegalPaths: lc.illegalPaths.map((p) => ({ calls: [...p.calls], reason: p.reason })),
  };
}

/** Appends names not yet in the list (keeps first-use order). */
function addUnique(list: string[], names: Iterable<string>): void {
  for (const name of names) if (!list.includes(name)) list.push(name);
}

function familyView(model: Model, family: Family): FamilyView {
  const callbacks = family.callbacks.map((cb) => callbackView(family, cb));
  const own = callbacks.filter((cb) => !cb.inherited);
  const familyNames = new Set(model.families.map((f) => f.name));
  const typeNames = new Set(model.types.map((t) => t.name));
  const referenced: string[] = [];
  for (const cb of family.callbacks) {
    if (cb.inherited) continue;
    for (const p of cb.params) addUnique(referenced, p.type.references);
    addUnique(referenced, cb.returns.type.references);
  }
  return {
    name: family.name,
    callbacksInterface: `${family.name}Callbacks`,
    ...(family.lifecycle ? { lifecycleConst: `${family.name}Lifecycle` } : {}),
    summary: family.summary,
    ...(family.doc !== undefined ? { doc: family.doc } : {}),
    ...(family.parent !== undefined
      ? { parent: family.parent, parentCallbacksInterface: `${family.parent}Callbacks` }
      : {}),
    ancestors: [...family.ancestors],
    children: [...family.children],
    callbacks,
    own,
    inherited: callbacks.filter((cb) => cb.inherited),
    required: callbacks.filter((cb) => cb.required),
    typeImports: referenced.filter((n) => typeNames.has(n)).sort(),
    familyImports: referenced.filter((n) => familyNames.has(n) && n !== family.name && n !== family.parent).sort(),
    ...(family.lifecycle ? { lifecycle: lifecycleView(family, family.lifecycle) } : {}),
  };
}

/** A property key as TypeScript: bare when it is an identifier, a string literal otherwise. */
function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

function typeDeclView(decl: TypeDecl): TypeDeclView {
  const doc = decl.doc !== undefined ? { doc: decl.doc } : {};
  switch (decl.kind) {
    case "import":
      return { kind: "import", name: decl.name, from: decl.from, ...doc };
    case "alias":
      return { kind: "alias", name: decl.name, type: decl.type.text, ...doc };
    case "interface":
      return {
        kind: "interface",
        name: decl.name,
        ...doc,
        fields: decl.fields.map((f) => ({
          key: propertyKey(f.name),
          name: f.name,
          type: f.type.text,
          optional: f.optional,
          ...(f.doc !== undefined ? { doc: f.doc } : {}),
        })),
      };
  }
}

/** Builds the template view of a resolved model. Pure and deterministic. */
export function buildSpecView(model: Model): SpecView {
  const typeModules: { from: string; names: string[] }[] = [];
  const familyRefs: string[] = [];
  const familyNames = new Set(model.families.map((f) => f.name));
  for (const decl of model.types) {
    if (decl.kind === "import") {
      const group = typeModules.find((g) => g.from === decl.from);
      if (group) group.names.push(decl.name);
      else typeModules.push({ from: decl.from, names: [decl.name] });
    } else if (decl.kind === "alias") {
      addUnique(familyRefs, decl.type.references.filter((n) => familyNames.has(n)));
    } else {
      for (const field of decl.fields) addUnique(familyRefs, field.type.references.filter((n) => familyNames.has(n)));
    }
  }
  return {
    specFile: model.specFile,
    name: model.name,
    summary: model.summary,
    ...(model.doc !== undefined ? { doc: model.doc } : {}),
    families: model.families.map((f) => familyView(model, f)),
    types: model.types.map(typeDeclView),
    typeModules,
    typesFileFamilyImports: familyRefs.sort(),
    hasLifecycle: model.families.some((f) => f.lifecycle !== undefined),
  };
}
