/**
 * Maps a property path in the parsed spec (`["families", "Protocol", "callbacks"]`) back
 * to positions in the file, so any later stage can point a diagnostic at the exact key or
 * value it is about.
 */

import { isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, type Scalar } from "yaml";
import type { SourceLocation } from "../diagnostics/index.js";
import type { LocatedText } from "../lifecycle/input.js";
import { locationAt, type SpecSource } from "./read.js";

/** A path into the spec: mapping keys and sequence indexes. */
export type SpecPath = readonly (string | number)[];

interface Found {
  readonly node?: YamlNode;
  readonly pair?: Pair;
}

/**
 * Each mapping's pairs by key text (the first pair with a key wins, as a linear search would).
 * Built once per mapping: the model looks up thousands of paths in a large spec, and a search
 * along a 500-family mapping for each would make loading quadratic.
 */
const pairIndexes = new WeakMap<object, Map<string, Pair>>();

function pairsByKey(node: { readonly items: readonly unknown[] }): Map<string, Pair> {
  let index = pairIndexes.get(node);
  if (index === undefined) {
    index = new Map();
    for (const item of node.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const key = String(item.key.value);
      if (!index.has(key)) index.set(key, item as Pair);
    }
    pairIndexes.set(node, index);
  }
  return index;
}

function find(source: SpecSource, path: SpecPath): Found {
  let node: unknown = source.document.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const hit = pairsByKey(node).get(String(segment));
      if (!hit) return pair ? { pair, node: node as YamlNode } : { node: node as YamlNode };
      pair = hit as Pair;
      node = hit.value;
    } else if (isSeq(node) && typeof segment === "number") {
      const item = node.items[segment];
      if (item === undefined) return { node: node as YamlNode };
      pair = undefined;
      node = item;
    } else {
      break;
    }
  }
  const result: { node?: YamlNode; pair?: Pair } = {};
  if (node && typeof node === "object" && "range" in (node as object)) result.node = node as YamlNode;
  if (pair) result.pair = pair;
  return result;
}

/** Where the value at `path` starts (or the nearest existing ancestor, if it is absent). */
export function valueLocation(source: SpecSource, path: SpecPath): SourceLocation {
  const { node, pair } = find(source, path);
  const range = node?.range ?? (pair?.key as YamlNode | undefined)?.range;
  return locationAt(source, range?.[0] ?? 0, range ? Math.max(1, range[1] - range[0]) : undefined);
}

/** Where the key of the property at `path` is (falling back to the value). */
export function keyLocation(source: SpecSource, path: SpecPath): SourceLocation {
  const { pair } = find(source, path);
  const key = pair?.key as YamlNode | undefined;
  if (key?.range) return locationAt(source, key.range[0], Math.max(1, key.range[1] - key.range[0]));
  return valueLocation(source, path);
}

/** True when the property at `path` is present in the file. */
export function hasPath(source: SpecSource, path: SpecPath): boolean {
  const { node, pair } = find(source, path);
  return path.length === 0 || (pair !== undefined && node === pair.value) || (node !== undefined && typeof path[path.length - 1] === "number");
}

/**
 * A string value whose offsets can be mapped back into the file. Exact for plain and
 * quoted single-line scalars without escapes (the usual way expressions are written);
 * otherwise each offset maps to the nearest character found by scanning the source.
 */
export function locatedText(source: SpecSource, path: SpecPath, value: string): LocatedText {
  const { node } = find(source, path);
  const scalar = node && isScalar(node) ? (node as Scalar) : undefined;
  const start = scalar?.range?.[0] ?? 0;
  const end = scalar?.range?.[1] ?? start;
  const raw = source.text.slice(start, end);
  const quoted = raw.startsWith('"') || raw.startsWith("'");
  const body = quoted ? raw.slice(1) : raw;
  const bodyStart = start + (quoted ? 1 : 0);
  const simple = body.startsWith(value) && !value.includes("\n");
  // Fallback map: walk value and source together, skipping source characters that the
  // scalar folding or quoting removed.
  const offsets: number[] | undefined = simple ? undefined : alignOffsets(value, source.text, bodyStart, end);
  return {
    text: value,
    locate(offset: number): SourceLocation {
      const clamped = Math.max(0, Math.min(offset, value.length));
      const at = simple ? bodyStart + clamped : (offsets![clamped] ?? bodyStart);
      return locationAt(source, at);
    },
  };
}

function alignOffsets(value: string, text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let j = from;
  for (let i = 0; i < value.length; i++) {
    const want = value[i];
    let k = j;
    while (k < to && text[k] !== want) k++;
    if (k < to) {
      out.push(k);
      j = k + 1;
    } else {
      out.push(j);
    }
  }
  out.push(Math.min(j, to));
  return out;
}
