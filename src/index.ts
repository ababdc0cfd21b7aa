/**
 * protoskel as a library: the same operations as the commands, returning diagnostics and
 * file lists instead of printing.
 *
 * ```ts
 * import { generate, check, validate, loadSpec } from "protoskel";
 * const result = await validate(["specs/asyncio.yaml"]);
 * ```
 */

import { resolve } from "node:path";
import { generate as runPipeline, type GenerateOptions, type GenerateResult } from "./api/generate.js";
import { loadModel, type ModelResult } from "./api/load-model.js";
import { displayName, type SpecRef } from "./api/resolve-specs.js";
import { validateSpecs, type ValidateResult } from "./api/validate.js";

export type { Diagnostic, DiagnosticCode, SourceLocation } from "./diagnostics/index.js";
export { DIAGNOSTIC_CODES, formatDiagnostic, formatDiagnostics } from "./diagnostics/index.js";
export type * from "./model/types.js";
export type { GenerateOptions, GenerateResult, SpecOutcome } from "./api/generate.js";
export type { ModelResult } from "./api/load-model.js";
export type { ValidateResult } from "./api/validate.js";
export type { SpecRef } from "./api/resolve-specs.js";
export { specJsonSchema } from "./spec/schema.js";
export { VERSION } from "./version.js";

/** Spec paths (relative to `cwd`) as the pipeline takes them. */
function refs(paths: readonly string[], cwd: string): SpecRef[] {
  return paths.map((p) => ({ path: resolve(cwd, p), displayName: displayName(cwd, resolve(cwd, p)) }));
}

/** Options of the library's generate/check: spec paths instead of resolved refs. */
export interface LibraryGenerateOptions extends Omit<GenerateOptions, "specs" | "mode"> {
  readonly specs: readonly string[];
  /** Folder spec paths are relative to and named from (default: process.cwd()). */
  readonly cwd?: string;
  readonly dryRun?: boolean;
}

/** Generates the output of the specs; writes only what changed, all-or-nothing. */
export async function generate(options: LibraryGenerateOptions): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  return runPipeline({ ...options, specs: refs(options.specs, cwd), mode: options.dryRun ? "dry-run" : "write" });
}

/** Compares the output folder with what the specs generate; writes nothing. `result.drift` tells. */
export async function check(options: Omit<LibraryGenerateOptions, "dryRun">): Promise<GenerateResult> {
  const cwd = options.cwd ?? process.cwd();
  return runPipeline({ ...options, specs: refs(options.specs, cwd), mode: "check" });
}

/** Validates specs; diagnostics only. */
export async function validate(specs: readonly string[], cwd: string = process.cwd()): Promise<ValidateResult> {
  return validateSpecs(refs(specs, cwd));
}

/** Loads one spec into the resolved model (with compiled lifecycles), or its diagnostics. */
export async function loadSpec(path: string, cwd: string = process.cwd()): Promise<ModelResult> {
  const abs = resolve(cwd, path);
  return loadModel(abs, displayName(cwd, abs));
}
