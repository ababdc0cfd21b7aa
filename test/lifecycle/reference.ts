/**
 * An independent reference for the lifecycle semantics: random call-order expressions as a
 * tiny tree, printed into the notation, and a backtracking matcher that decides membership
 * directly on the tree (no automata), with the projection and anchor rules of the spec.
 */

import fc from "fast-check";

/** A random expression tree. `arrow` on optional nodes prints `[-> X]` juxtaposed in a sequence. */
export type Ref =
  | { readonly t: "sym"; readonly n: string }
  | { readonly t: "seq"; readonly items: readonly Ref[] }
  | { readonly t: "alt"; readonly options: readonly Ref[] }
  | { readonly t: "opt"; readonly body: Ref; readonly style: "[]" | "?"; readonly arrow: boolean }
  | { readonly t: "star"; readonly body: Ref }
  | { readonly t: "plus"; readonly body: Ref };

/** An arbitrary expression over `names`. */
export function refArbitrary(names: readonly string[]): fc.Arbitrary<Ref> {
  const { node } = fc.letrec<{ node: Ref }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...names).map((n): Ref => ({ t: "sym", n })),
      fc.array(tie("node"), { minLength: 2, maxLength: 3 }).map((items): Ref => ({ t: "seq", items })),
      fc.array(tie("node"), { minLength: 2, maxLength: 3 }).map((options): Ref => ({ t: "alt", options })),
      fc.record({ body: tie("node"), style: fc.constantFrom("[]" as const, "?" as const), arrow: fc.boolean() }).map((r): Ref => ({ t: "opt", ...r })),
      tie("node").map((body): Ref => ({ t: "star", body })),
      tie("node").map((body): Ref => ({ t: "plus", body })),
    ),
  }));
  return node;
}

function atom(r: Ref): string {
  const text = printRef(r);
  return r.t === "sym" || (r.t === "opt" && r.style === "[]") ? text : `(${text})`;
}

/** The expression in the call-order notation. */
export function printRef(r: Ref): string {
  switch (r.t) {
    case "sym":
      return r.n;
    case "seq":
      return r.items
        .map((item, i) => {
          const text = item.t === "alt" || item.t === "seq" ? `(${printRef(item)})` : printRef(item);
          if (i === 0) return text;
          return item.t === "opt" && item.style === "[]" && item.arrow ? ` [-> ${printRef(item.body)}]` : ` -> ${text}`;
        })
        .join("");
    case "alt":
      return r.options.map((o) => (o.t === "alt" ? `(${printRef(o)})` : printRef(o))).join(" | ");
    case "opt":
      return r.style === "[]" ? `[${printRef(r.body)}]` : `${atom(r.body)}?`;
    case "star":
      return `${atom(r.body)}*`;
    case "plus":
      return `${atom(r.body)}+`;
  }
}

/** The names an expression mentions. */
export function refNames(r: Ref): Set<string> {
  switch (r.t) {
    case "sym":
      return new Set([r.n]);
    case "seq":
      return new Set(r.items.flatMap((i) => [...refNames(i)]));
    case "alt":
      return new Set(r.options.flatMap((i) => [...refNames(i)]));
    default:
      return refNames(r.body);
  }
}

/** Every position where a match of `r` starting at `i` can end (backtracking, memo-free). */
function ends(r: Ref, w: readonly string[], i: number): Set<number> {
  switch (r.t) {
    case "sym":
      return new Set(w[i] === r.n ? [i + 1] : []);
    case "seq": {
      let positions = new Set([i]);
      for (const item of r.items) positions = new Set([...positions].flatMap((p) => [...ends(item, w, p)]));
      return positions;
    }
    case "alt":
      return new Set(r.options.flatMap((o) => [...ends(o, w, i)]));
    case "opt":
      return new Set([i, ...ends(r.body, w, i)]);
    case "star":
    case "plus": {
      const reached = new Set(r.t === "star" ? [i] : []);
      const frontier = r.t === "star" ? [i] : [...ends(r.body, w, i)];
      for (const p of frontier) reached.add(p);
      while (frontier.length > 0) {
        const p = frontier.pop()!;
        for (const e of ends(r.body, w, p)) {
          if (!reached.has(e)) {
            reached.add(e);
            frontier.push(e);
          }
        }
      }
      return reached;
    }
  }
}

/** True when the whole of `w` matches `r`. */
export function refMatches(r: Ref, w: readonly string[]): boolean {
  return ends(r, w, 0).has(w.length);
}

/** A lifecycle for the reference: an order with optional anchors and rules. */
export interface RefLifecycle {
  readonly order?: { readonly expr: Ref; readonly start: boolean; readonly end: boolean };
  readonly rules: readonly Ref[];
}

/** The spec's definition of a legal call sequence, checked directly. */
export function refLegal(lifecycle: RefLifecycle, w: readonly string[]): boolean {
  const { order } = lifecycle;
  if (order) {
    const names = refNames(order.expr);
    if (!refMatches(order.expr, w.filter((c) => names.has(c)))) return false;
    if (order.start && w.length > 0 && !names.has(w[0]!)) return false;
    if (order.end && w.length > 0 && !names.has(w.at(-1)!)) return false;
  }
  return lifecycle.rules.every((rule) => {
    const names = refNames(rule);
    return refMatches(rule, w.filter((c) => names.has(c)));
  });
}

/** True when some legal sequence starts with `prefix` and is at most `extra` calls longer (exhaustive). */
export function refHasCompletion(lifecycle: RefLifecycle, alphabet: readonly string[], prefix: readonly string[], extra: number): boolean {
  if (refLegal(lifecycle, prefix)) return true;
  if (extra === 0) return false;
  return alphabet.some((a) => refHasCompletion(lifecycle, alphabet, [...prefix, a], extra - 1));
}
