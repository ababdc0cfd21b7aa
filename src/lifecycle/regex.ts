/**
 * The plain regular expression behind a call-order expression, after the anchors are
 * checked and stripped. `[X]`, `X?` and `X+` are desugared here so the automaton
 * construction only knows symbols, concatenation, alternation and star.
 */

import type { ExprNode, ExprProblem } from "./ast.js";

/** A regular expression over callback TS names. */
export type Regex =
  | { readonly kind: "empty" }
  | { readonly kind: "symbol"; readonly name: string }
  | { readonly kind: "concat"; readonly parts: readonly Regex[] }
  | { readonly kind: "union"; readonly options: readonly Regex[] }
  | { readonly kind: "star"; readonly body: Regex };

/** An expression with its anchors taken off. */
export interface AnchoredRegex {
  readonly regex: Regex;
  readonly startAnchored: boolean;
  readonly endAnchored: boolean;
  /** Misplaced anchors (PSK3008). */
  readonly problems: readonly ExprProblem[];
}

/**
 * Checks the anchors and converts the tree. `start` may only be the first item and `end` the
 * last item of the top-level sequence of an `order` expression; rules have no anchors.
 */
export function toAnchoredRegex(ast: ExprNode, isOrder: boolean): AnchoredRegex {
  const items = ast.kind === "seq" ? [...ast.items] : [ast];
  let startAnchored = false;
  let endAnchored = false;
  if (isOrder && items[0]?.kind === "anchor" && items[0].which === "start") {
    startAnchored = true;
    items.shift();
  }
  const last = items.at(-1);
  if (isOrder && last?.kind === "anchor" && last.which === "end") {
    endAnchored = true;
    items.pop();
  }
  const problems: ExprProblem[] = [];
  for (const item of items) collectAnchors(item, isOrder, problems);
  return { regex: concat(items.map(toRegex)), startAnchored, endAnchored, problems };
}

function collectAnchors(node: ExprNode, isOrder: boolean, out: ExprProblem[]): void {
  switch (node.kind) {
    case "anchor": {
      const where = node.which === "start" ? "begin" : "close";
      const message = isOrder
        ? `'${node.which}' may only ${where} the whole order expression`
        : `'${node.which}' is an anchor of the order expression; rules cannot use it`;
      out.push({ code: "PSK3008", message, offset: node.offset, length: node.which.length });
      return;
    }
    case "term":
      return;
    case "seq":
      node.items.forEach((item) => collectAnchors(item, isOrder, out));
      return;
    case "alt":
      node.options.forEach((option) => collectAnchors(option, isOrder, out));
      return;
    case "group":
    case "repeat":
      collectAnchors(node.body, isOrder, out);
      return;
  }
}

function concat(parts: Regex[]): Regex {
  const flat = parts.flatMap((p) => (p.kind === "concat" ? p.parts : p.kind === "empty" ? [] : [p]));
  if (flat.length === 0) return { kind: "empty" };
  return flat.length === 1 ? flat[0]! : { kind: "concat", parts: flat };
}

function optional(body: Regex): Regex {
  return { kind: "union", options: [body, { kind: "empty" }] };
}

/** Converts a parsed (anchor-free) tree into a regex. */
export function toRegex(node: ExprNode): Regex {
  switch (node.kind) {
    case "term":
      return { kind: "symbol", name: node.tsName };
    case "anchor":
      return { kind: "empty" };
    case "seq":
      return concat(node.items.map(toRegex));
    case "alt":
      return { kind: "union", options: node.options.map(toRegex) };
    case "group": {
      const body = toRegex(node.body);
      return node.bracket === "[" ? optional(body) : body;
    }
    case "repeat": {
      const body = toRegex(node.body);
      if (node.op === "?") return optional(body);
      if (node.op === "*") return { kind: "star", body };
      return concat([body, { kind: "star", body }]);
    }
  }
}

/** The callbacks (TS names) a regex mentions, in first-mention order. */
export function regexSymbols(regex: Regex, out: string[] = []): string[] {
  switch (regex.kind) {
    case "symbol":
      if (!out.includes(regex.name)) out.push(regex.name);
      break;
    case "concat":
      regex.parts.forEach((p) => regexSymbols(p, out));
      break;
    case "union":
      regex.options.forEach((o) => regexSymbols(o, out));
      break;
    case "star":
      regexSymbols(regex.body, out);
      break;
    case "empty":
      break;
  }
  return out;
}
