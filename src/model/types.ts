/**
 * The resolved model: the one plain, immutable data structure that emitters and templates
 * read. Nothing here refers back to YAML; every name is resolved, every type expression is
 * re-printed from its parsed form, inherited callbacks are flattened, and order is the
 * spec's declaration order (base families' callbacks first).
 */

import type { SourceLocation } from "../diagnostics/index.js";

/** A whole spec, resolved. */
export interface Model {
  /** The spec file as given, with `/` separators; named in every generated file's header. */
  readonly specFile: string;
  /** kebab-case id: the output sub-folder and the docs' title. */
  readonly name: string;
  readonly summary: string;
  /** Markdown. */
  readonly doc?: string;
  readonly naming: "camelCase" | "preserve";
  readonly types: readonly TypeDecl[];
  readonly families: readonly Family[];
}

/** A TypeScript type, parsed and re-printed (never the raw spec text). */
export interface TypeExpr {
  /** Canonical printed form, e.g. `Error | null`. */
  readonly text: string;
  /** Type names the expression refers to that are declared in the spec (types or families), in first-use order. */
  readonly references: readonly string[];
  /** True for `void` and `undefined`-only returns: no default value is needed. */
  readonly isVoid: boolean;
}

/** A named type declared under `types:`. */
export type TypeDecl = ImportedType | AliasType | InterfaceType;

interface TypeDeclBase {
  readonly name: string;
  /** Markdown. */
  readonly doc?: string;
}

/** `{ from: "./transports.js" }`: a type-only import. */
export interface ImportedType extends TypeDeclBase {
  readonly kind: "import";
  readonly from: string;
}

/** `{ alias: "readonly [host: string, port: number]" }`. */
export interface AliasType extends TypeDeclBase {
  readonly kind: "alias";
  readonly type: TypeExpr;
}

/** `{ interface: { high: "number", low: "number" } }`. */
export interface InterfaceType extends TypeDeclBase {
  readonly kind: "interface";
  readonly fields: readonly InterfaceField[];
}

/** One property of a declared interface type. */
export interface InterfaceField {
  readonly name: string;
  readonly type: TypeExpr;
  readonly optional: boolean;
  readonly doc?: string;
}

/** One parameter of a callback, in call order. */
export interface Param {
  /** The name as the spec wrote it. */
  readonly specName: string;
  /** The TypeScript parameter name (camelCased unless naming is `preserve`). */
  readonly tsName: string;
  readonly type: TypeExpr;
  readonly optional: boolean;
  /** Markdown. */
  readonly doc?: string;
}

/** What a callback returns. */
export interface Returns {
  readonly type: TypeExpr;
  /** Markdown. */
  readonly doc?: string;
}

/** A callback as seen from one family: declared there, redeclared there, or inherited. */
export interface Callback {
  /** The name as the spec wrote it, e.g. `connection_made`. */
  readonly specName: string;
  /** The TypeScript member name, e.g. `connectionMade`. */
  readonly tsName: string;
  /** Markdown; the first sentence is the summary. */
  readonly doc: string;
  /** The first sentence of `doc`, as plain one-line text. */
  readonly summary: string;
  readonly params: readonly Param[];
  readonly returns: Returns;
  /** The TS expression the no-op default returns; absent for void returns and required callbacks. */
  readonly defaultExpr?: string;
  /** `true`: abstract, no default body. */
  readonly required: boolean;
  /** Markdown, rendered as `@remarks`. */
  readonly remarks?: string;
  /** The family that first declared this callback. */
  readonly declaredIn: string;
  /** The nearest family (this one or an ancestor) that declared or redeclared it: where its docs come from. */
  readonly documentedIn: string;
  /** True when this family neither declares nor redeclares the callback. */
  readonly inherited: boolean;
}

/** A protocol family: one generated abstract base class and interface. */
export interface Family {
  /** PascalCase class name. */
  readonly name: string;
  readonly summary: string;
  /** Markdown. */
  readonly doc?: string;
  /** The direct parent family, if any. */
  readonly parent?: string;
  /** All ancestors, nearest first. */
  readonly ancestors: readonly string[];
  /** Families that extend this one directly, in declaration order. */
  readonly children: readonly string[];
  /** Every callback of the family, inherited ones included: ancestors' first, in declaration order. */
  readonly callbacks: readonly Callback[];
  /** The call-order rules in force for this family (its own or inherited), compiled. */
  readonly lifecycle?: FamilyLifecycle;
  /** Where the family is declared in the spec. */
  readonly location?: SourceLocation;
}

/**
 * A deterministic finite automaton over callback TS names. States are numbered 0..states-1
 * in breadth-first order from `initial` (so numbering is canonical for a given language).
 * A missing transition means the call is illegal in that state.
 */
export interface Automaton {
  /** The callbacks (TS names) this automaton constrains, in family order. */
  readonly alphabet: readonly string[];
  readonly states: number;
  readonly initial: number;
  /** Accepting states, ascending. */
  readonly accepting: readonly number[];
  /** Transitions sorted by `from`, then by the symbol's alphabet index. */
  readonly transitions: readonly Transition[];
}

/** One edge of an automaton. */
export interface Transition {
  readonly from: number;
  readonly symbol: string;
  readonly to: number;
}

/** One call-order expression (`order` or one of `rules`) as written and as compiled. */
export interface LifecycleExpression {
  /** The expression as the spec wrote it. */
  readonly source: string;
  /** The expression re-printed with TS names, aliases kept as written (for docs). */
  readonly display: string;
  /** Minimal DFA over the callbacks the expression names (projection semantics). */
  readonly automaton: Automaton;
  readonly startAnchored: boolean;
  readonly endAnchored: boolean;
}

/** A sequence of calls (TS names) used by the generated stub tests. */
export interface LegalPath {
  readonly calls: readonly string[];
}

/** A sequence whose last call must be rejected (all calls before it are legal). */
export interface IllegalPath {
  readonly calls: readonly string[];
  /** Why the last call is illegal, in words, e.g. "a second connectionLost". */
  readonly reason: string;
}

/** A family's compiled call-order rules. */
export interface FamilyLifecycle {
  /** The family whose spec declares these rules (this one, or the ancestor it inherits them from). */
  readonly declaredIn: string;
  /** alias → TS name, in declaration order. */
  readonly aliases: readonly { readonly alias: string; readonly tsName: string }[];
  readonly order?: LifecycleExpression;
  readonly rules: readonly LifecycleExpression[];
  /** Callbacks (TS names) allowed anywhere inside the lifecycle. */
  readonly free: readonly string[];
  /**
   * The product of `order`, every rule and the anchors, over all the family's callbacks,
   * minimised and trimmed to states from which a complete lifecycle is still reachable.
   * This is what the runtime monitor checks.
   */
  readonly monitor: Automaton;
  /** Legal complete lifecycles that together take every transition of `monitor`. */
  readonly legalPaths: readonly LegalPath[];
  /** Sequences whose last call the monitor must reject. */
  readonly illegalPaths: readonly IllegalPath[];
  /** A plain-English reading of the order and rules, for the docs. */
  readonly description: string;
}
