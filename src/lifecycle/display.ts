/** Re-prints a parsed call-order expression in the notation, with TS names and aliases kept as written. */

import type { ExprNode } from "./ast.js";

/** The canonical text of `node`: single spaces around `->` and `|`, brackets as written. */
export function printExpression(node: ExprNode): string {
  switch (node.kind) {
    case "term":
      return node.isAlias ? node.written : node.tsName;
    case "anchor":
      return node.which;
    case "seq":
      return node.items
        .map((item, i) => (i === 0 ? "" : opensWithArrow(item) ? " " : " -> ") + printExpression(item))
        .join("");
    case "alt":
      return node.options.map(printExpression).join(" | ");
    case "group":
      return `${node.bracket}${node.arrowOpened ? "-> " : ""}${printExpression(node.body)}${node.bracket === "(" ? ")" : "]"}`;
    case "repeat":
      return printExpression(node.body) + node.op;
  }
}

/** True for `[-> X]`, `(-> X)` and such a group with suffixes: the arrow before it is inside it. */
function opensWithArrow(node: ExprNode): boolean {
  if (node.kind === "group") return node.arrowOpened;
  return node.kind === "repeat" && opensWithArrow(node.body);
}
