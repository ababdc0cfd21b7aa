/**
 * The parsed form of one call-order expression. It keeps what the user wrote (aliases,
 * `[ ]` versus `?`, arrow-opened groups) so the docs can re-print it faithfully; `regex.ts`
 * turns it into the plain regular expression the automata are built from.
 */

/** A node of a parsed call-order expression. Offsets are 0-based indexes into the expression text. */
export type ExprNode = TermNode | AnchorNode | SeqNode | AltNode | GroupNode | RepeatNode;

/** A callback, named by spec name, TS name or alias. */
export interface TermNode {
  readonly kind: "term";
  /** The callback's TS name (empty when the name is unknown; such a tree is never compiled). */
  readonly tsName: string;
  /** The name as written. */
  readonly written: string;
  /** True when `written` is an alias (kept as written when re-printing). */
  readonly isAlias: boolean;
  readonly offset: number;
}

/** `start` or `end`. */
export interface AnchorNode {
  readonly kind: "anchor";
  readonly which: "start" | "end";
  readonly offset: number;
}

/** `A -> B -> C` (and `A [-> B]`, where the arrow sits inside the group). */
export interface SeqNode {
  readonly kind: "seq";
  readonly items: readonly ExprNode[];
}

/** `X | Y`. */
export interface AltNode {
  readonly kind: "alt";
  readonly options: readonly ExprNode[];
}

/** `( X )` groups; `[ X ]` is X zero or one time. `arrowOpened` records `[-> X]`. */
export interface GroupNode {
  readonly kind: "group";
  readonly bracket: "(" | "[";
  readonly arrowOpened: boolean;
  readonly body: ExprNode;
  readonly offset: number;
}

/** `X?`, `X*`, `X+`. */
export interface RepeatNode {
  readonly kind: "repeat";
  readonly op: "?" | "*" | "+";
  readonly body: ExprNode;
}

/** A problem found while parsing, relative to the expression text; the caller maps it into the spec. */
export interface ExprProblem {
  readonly code: "PSK3001" | "PSK3002" | "PSK3003" | "PSK3004" | "PSK3008";
  readonly message: string;
  readonly offset: number;
  readonly length: number;
}
