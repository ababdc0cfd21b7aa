/**
 * Which specs a command runs on: those named on the command line, or the config's list
 * (globs expanded). Each gets a display name relative to the project root, with `/`
 * separators, so headers and diagnostics read the same on every machine.
 */

import { isAbsolute, relative, resolve, sep } from "node:path";
import { expandGlob, isGlob } from "../config/glob.js";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";

/** One spec to run on. */
export interface SpecRef {
  readonly path: string;
  readonly displayName: string;
}

/** Resolves spec arguments (or config patterns) to files. */
export async function resolveSpecs(root: string, patterns: readonly string[], fromConfig: boolean): Promise<{ specs: SpecRef[]; diagnostics: Diagnostic[] }> {
  const specs: SpecRef[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    const abs = resolve(root, path);
    if (seen.has(abs)) return;
    seen.add(abs);
    specs.push({ path: abs, displayName: displayName(root, abs) });
  };
  for (const pattern of patterns) {
    if (isGlob(pattern)) {
      const base = isAbsolute(pattern) ? "/" : root;
      const matches = await expandGlob(base, isAbsolute(pattern) ? pattern.slice(1) : pattern);
      if (matches.length === 0) diagnostics.push(diagnostic("PSK5002", `no spec matches '${pattern}'${fromConfig ? " (from the config)" : ""}`));
      for (const m of matches) add(resolve(base, m));
    } else {
      add(pattern);
    }
  }
  if (patterns.length === 0) diagnostics.push(diagnostic("PSK5002", "no spec given and no config lists any"));
  return { specs, diagnostics };
}

/** A path relative to `root` with `/` separators (absolute when outside root). */
export function displayName(root: string, abs: string): string {
  const rel = relative(root, abs);
  return (rel.startsWith("..") || isAbsolute(rel) ? abs : rel).split(sep).join("/");
}
