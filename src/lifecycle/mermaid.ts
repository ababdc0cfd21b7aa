/** Mermaid `stateDiagram-v2` text for an automaton, for the generated docs. */

import type { Automaton } from "../model/types.js";

/** Options for `toMermaid`. */
export interface MermaidOptions {
  /** Label edges with these aliases instead of TS names (the first alias of a callback wins). */
  readonly aliases?: readonly { readonly alias: string; readonly tsName: string }[];
}

/**
 * Escapes a label for Mermaid: letters, digits and `_` pass through; anything else (`$`,
 * non-ASCII letters, punctuation Mermaid would read as syntax) becomes an entity code
 * `#NNN;`, which Mermaid renders as the character itself.
 */
function escapeLabel(text: string): string {
  return [...text].map((ch) => (/[A-Za-z0-9_]/.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join("");
}

/**
 * The automaton as a deterministic state diagram: states are `s0`, `s1`, … (numbered as in
 * the automaton), `[*] --> s<initial>`, one edge per (from, to) pair labelled with the
 * callbacks that take it (comma-separated, in alphabet order), and `s<n> --> [*]` for each
 * accepting state.
 */
export function toMermaid(automaton: Automaton, options: MermaidOptions = {}): string {
  const label = new Map<string, string>();
  for (const { alias, tsName } of options.aliases ?? []) if (!label.has(tsName)) label.set(tsName, alias);
  const edges = new Map<string, { from: number; to: number; symbols: string[] }>();
  const symbolIndex = (symbol: string) => automaton.alphabet.indexOf(symbol);
  const sorted = [...automaton.transitions].sort((a, b) => a.from - b.from || symbolIndex(a.symbol) - symbolIndex(b.symbol));
  for (const t of sorted) {
    const key = `${t.from}:${t.to}`;
    const edge = edges.get(key) ?? { from: t.from, to: t.to, symbols: [] };
    edge.symbols.push(escapeLabel(label.get(t.symbol) ?? t.symbol));
    edges.set(key, edge);
  }
  const lines = ["stateDiagram-v2", `  [*] --> s${automaton.initial}`];
  for (let state = 0; state < automaton.states; state++) {
    const out = [...edges.values()].filter((e) => e.from === state).sort((a, b) => a.to - b.to);
    for (const e of out) lines.push(`  s${e.from} --> s${e.to}: ${e.symbols.join(", ")}`);
  }
  for (const state of automaton.accepting) lines.push(`  s${state} --> [*]`);
  return lines.join("\n") + "\n";
}
