/** Plain-English readings of call-order expressions, for the generated docs. */

import type { ExprNode } from "./ast.js";

const code = (name: string): string => `\`${name}\``;

/** Reads one expression (anchors excluded) as English, e.g. "`connectionMade`, then optionally `eofReceived`". */
export function describeNode(node: ExprNode): string {
  switch (node.kind) {
    case "term":
      return code(node.tsName);
    case "anchor":
      return "";
    case "seq": {
      const parts = node.items.filter((item) => item.kind !== "anchor").map(describeNode);
      return parts.length === 0 ? "no call" : parts.join(", then ");
    }
    case "alt": {
      const options = node.options.map(describeNode);
      return options.length === 2
        ? `either ${options[0]} or ${options[1]}`
        : `one of: ${options.slice(0, -1).join("; ")}; or ${options.at(-1)}`;
    }
    case "group": {
      // `[X?]` and `[X*]` already say "optionally" / "possibly none".
      if (node.bracket === "[" && node.body.kind === "repeat" && node.body.op !== "+") return describeNode(node.body);
      const body = describeGrouped(node.body);
      return node.bracket === "[" ? `optionally ${body}` : describeNode(node.body);
    }
    case "repeat": {
      const body = describeGrouped(node.body);
      if (node.op === "?") return node.body.kind === "group" && node.body.bracket === "[" ? describeNode(node.body) : `optionally ${body}`;
      return node.op === "*" ? `${body} any number of times (possibly none)` : `${body} one or more times`;
    }
  }
}

/** Like `describeNode`, but wraps a compound reading in parentheses so a quantifier applies to all of it. */
function describeGrouped(node: ExprNode): string {
  const inner = node.kind === "group" && node.bracket === "(" ? node.body : node;
  const text = describeNode(inner);
  return inner.kind === "seq" || inner.kind === "alt" ? `(${text})` : text;
}

/** The description of a whole lifecycle: the order, the anchors, each rule and the free callbacks. */
export function describeLifecycle(parts: {
  readonly order?: { readonly ast: ExprNode; readonly startAnchored: boolean; readonly endAnchored: boolean; readonly display: string };
  readonly rules: readonly { readonly ast: ExprNode; readonly display: string; readonly symbols: readonly string[] }[];
  readonly free: readonly string[];
}): string {
  const sentences: string[] = [];
  const { order } = parts;
  if (order) {
    sentences.push(`Order (\`${order.display}\`): ${describeNode(order.ast)}.`);
    if (order.startAnchored) sentences.push("No callback may be called before the order's first call.");
    if (order.endAnchored) sentences.push("No callback may be called after the order's last call: the lifecycle is then over.");
  }
  for (const rule of parts.rules) {
    sentences.push(
      `Rule (\`${rule.display}\`): ${describeNode(rule.ast)}; only calls to ${rule.symbols.map(code).join(", ")} count for this rule, other calls may come in between.`,
    );
  }
  if (parts.free.length > 0) sentences.push(`${parts.free.map(code).join(", ")} may be called any number of times inside the lifecycle.`);
  return sentences.join(" ");
}
