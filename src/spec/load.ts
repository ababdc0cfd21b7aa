/**
 * Spec loading: read, parse, check against the schema. The result is a raw spec that is
 * known to have the right shape, plus the source to map paths back to positions.
 */

import { isMap, isPair, isScalar } from "yaml";
import type { z } from "zod";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { didYouMean } from "../util/did-you-mean.js";
import { keyLocation, valueLocation, type SpecPath } from "./locate.js";
import { certainlyMatchesSchema } from "./json-schema-check.js";
import { MAX_ALIAS_COUNT, parseSpecText, readSpecFile, type SpecSource } from "./read.js";
// Types only: zod itself loads (in checkSchema) only for a spec the fast check is not sure of.
import type { RawSpec } from "./schema.js";

/** A spec that passed the schema, with its source for positions. */
export interface LoadedSpec {
  readonly source: SpecSource;
  readonly raw: RawSpec;
}

/** Result of loading: the spec when it has the right shape, and every diagnostic found. */
export interface LoadResult {
  readonly spec?: LoadedSpec;
  readonly diagnostics: readonly Diagnostic[];
  /** The file's text when it could be read (for code frames), even if it did not parse. */
  readonly text?: string;
}

/** Loads a spec file from disk. `displayName` is how diagnostics name the file. */
export async function loadSpecFile(path: string, displayName = path): Promise<LoadResult> {
  const read = await readSpecFile(path, displayName);
  return read.source ? checkSchema(read.source) : { diagnostics: read.diagnostics, ...(read.text !== undefined ? { text: read.text } : {}) };
}

/**
 * Loads spec text already in memory (for tests, editors and the library API). Asynchronous
 * because a spec the fast schema check is not sure of loads zod for its diagnostics.
 */
export async function loadSpecText(text: string, file = "spec.yaml"): Promise<LoadResult> {
  const parsed = parseSpecText(text, file);
  return parsed.source ? checkSchema(parsed.source) : { diagnostics: parsed.diagnostics, text };
}

/** The keys of the mapping at `path`, in file order (JS objects reorder integer-like keys). */
export function keysInOrder(source: SpecSource, path: SpecPath): string[] {
  let node: unknown = source.document.contents;
  for (const segment of path) {
    if (!isMap(node)) return [];
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    node = pair?.value;
  }
  if (!isMap(node)) return [];
  return node.items.filter((item) => isPair(item) && isScalar(item.key)).map((item) => String((item.key as { value: unknown }).value));
}

async function checkSchema(source: SpecSource): Promise<LoadResult> {
  let data: unknown;
  try {
    data = source.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { diagnostics: [diagnostic("PSK1003", `the YAML aliases expand too far: ${(error as Error).message}`, valueLocation(source, []))], text: source.text };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { diagnostics: [diagnostic("PSK2005", "a spec must be a mapping (protoskel: 1, name, summary, families, …)", valueLocation(source, []))], text: source.text };
  }
  // zod's output equals its input for this schema, so data the fast check accepts is the result.
  if (certainlyMatchesSchema("protoskel.schema.json", data)) return { spec: { source, raw: data as RawSpec }, diagnostics: [], text: source.text };
  const { SpecSchema } = await import("./schema.js");
  const result = SpecSchema.safeParse(data);
  if (result.success) return { spec: { source, raw: data as RawSpec }, diagnostics: [], text: source.text };
  const diagnostics = result.error.issues.flatMap((issue) => issueToDiagnostics(source, issue, [], data));
  return { diagnostics: dedupe(diagnostics), text: source.text };
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  spec: ["protoskel", "name", "summary", "doc", "naming", "types", "families"],
  family: ["extends", "summary", "doc", "callbacks", "lifecycle"],
  callback: ["doc", "params", "returns", "default", "required", "remarks", "tsName"],
  param: ["name", "type", "doc", "optional"],
  lifecycle: ["aliases", "order", "rules", "free"],
  type: ["from", "alias", "interface", "doc"],
};

/** Which kind of mapping a path points at, to suggest the right key names. */
function mappingKind(path: SpecPath): string | undefined {
  const p = path.map(String);
  if (p.length === 0) return "spec";
  if (p[0] === "families") {
    if (p.length === 2) return "family";
    if (p.length === 4 && p[2] === "callbacks") return "callback";
    if (p.length === 6 && p[4] === "params") return "param";
    if (p.length === 3 && p[2] === "lifecycle") return "lifecycle";
  }
  if (p[0] === "types" && p.length === 2) return "type";
  return undefined;
}

function describePath(path: SpecPath): string {
  return path.length === 0 ? "the spec" : path.map((s) => (typeof s === "number" ? `[${s}]` : s)).join(".").replace(/\.\[/g, "[");
}

function issueToDiagnostics(source: SpecSource, issue: z.core.$ZodIssue, prefix: SpecPath, data: unknown): Diagnostic[] {
  const path: SpecPath = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = KNOWN_KEYS[mappingKind(path) ?? ""] ?? [];
      return issue.keys.map((key) => {
        const guess = didYouMean(key, known);
        const message = `unknown key '${key}' in ${describePath(path)}${guess ? ` (did you mean '${guess}'?)` : ""}`;
        return diagnostic("PSK2002", message, keyLocation(source, [...path, key]), known.length ? { hint: `Allowed keys here: ${known.join(", ")}.` } : {});
      });
    }
    case "invalid_union": {
      // Report the branch that came closest (fewest issues), not every branch's complaint.
      const branches = issue.errors.filter((b) => b.length > 0);
      if (path[0] === "types" && path.length === 2 && !hasAny(valueAt(data, path), ["from", "alias", "interface"])) {
        return [diagnostic("PSK2001", `type '${String(path[1])}' needs one of 'from', 'alias' or 'interface'`, keyLocation(source, path))];
      }
      const best = [...branches].sort((a, b) => a.length - b.length)[0];
      return best ? best.flatMap((sub) => issueToDiagnostics(source, sub, path, data)) : [];
    }
    case "invalid_value":
      if (path.length === 1 && path[0] === "protoskel") {
        return [diagnostic("PSK2014", `unsupported format version ${JSON.stringify(valueAt(data, path))}; this protoskel reads version 1`, valueLocation(source, path))];
      }
      return [diagnostic("PSK2005", `${describePath(path)}: ${issue.message}`, valueLocation(source, path))];
    case "invalid_type": {
      const value = valueAt(data, path);
      if (value === undefined) {
        const key = String(path[path.length - 1]);
        const parent = path.slice(0, -1);
        return [diagnostic("PSK2001", `missing required key '${key}' in ${describePath(parent)}`, parent.length ? keyLocation(source, parent) : valueLocation(source, parent))];
      }
      return [diagnostic("PSK2005", `${describePath(path)} must be ${article(issue.expected)}, not ${kindOf(value)}`, valueLocation(source, path))];
    }
    default:
      return [diagnostic("PSK2005", `${describePath(path)}: ${issue.message}`, valueLocation(source, path))];
  }
}

function valueAt(data: unknown, path: SpecPath): unknown {
  let v: unknown = data;
  for (const s of path) {
    if (v === null || typeof v !== "object" || !Object.prototype.hasOwnProperty.call(v, s)) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

function hasAny(value: unknown, keys: readonly string[]): boolean {
  return typeof value === "object" && value !== null && keys.some((k) => Object.prototype.hasOwnProperty.call(value, k));
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${article(typeof value)} (${JSON.stringify(value)})`;
}

function article(expected: string): string {
  const names: Record<string, string> = { record: "a mapping", object: "a mapping", array: "a list", string: "a string", boolean: "true or false", number: "a number" };
  return names[expected] ?? expected;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.message}|${d.location?.line}:${d.location?.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
