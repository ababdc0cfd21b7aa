/** `validate`: diagnostics only, for one or more specs. */

import type { Diagnostic } from "../diagnostics/index.js";
import type { Model } from "../model/types.js";
import { loadModel } from "./load-model.js";
import type { SpecRef } from "./resolve-specs.js";

/** The outcome of validating several specs. */
export interface ValidateResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
  /** The models of the specs that were valid, in input order. */
  readonly models: readonly Model[];
}

/** Validates every spec; all diagnostics of all specs are collected. */
export async function validateSpecs(specs: readonly SpecRef[]): Promise<ValidateResult> {
  const results = await Promise.all(specs.map((s) => loadModel(s.path, s.displayName)));
  const sources = new Map<string, string>();
  for (const r of results) for (const [k, v] of r.sources) sources.set(k, v);
  return {
    diagnostics: results.flatMap((r) => r.diagnostics),
    sources,
    models: results.flatMap((r) => (r.model ? [r.model] : [])),
  };
}
