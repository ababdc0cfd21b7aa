/**
 * What every command needs first: the config (found or named), the specs to run on, and
 * an output printer. Problems here are bad input (exit 2).
 */

import { resolve } from "node:path";
import { resolveSpecs, type SpecRef } from "../api/resolve-specs.js";
import { defaultConfig, findConfig, readConfig } from "../config/load.js";
import type { ResolvedConfig } from "../config/schema.js";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import { createOutput, type Output } from "./output.js";

/** Resolved settings for one command run. */
export interface CommandContext {
  readonly config: ResolvedConfig;
  readonly output: Output;
}

/** Loads the config (from --config or by discovery); diagnostics when it is broken. */
export async function commandContext(args: { config?: string | undefined; quiet?: boolean | undefined }): Promise<{ context?: CommandContext; diagnostics: Diagnostic[]; output: Output }> {
  const output = createOutput({ quiet: args.quiet === true });
  const cwd = process.cwd();
  const file = args.config !== undefined ? resolve(cwd, args.config) : await findConfig(cwd);
  if (file === undefined) return { context: { config: defaultConfig(cwd), output }, diagnostics: [], output };
  const read = await readConfig(file);
  if (!read.config) return { diagnostics: read.diagnostics, output };
  return { context: { config: read.config, output }, diagnostics: [], output };
}

/** The specs named on the command line (relative to the working directory) or by the config. */
export async function specsFor(context: CommandContext, argSpecs: readonly string[] | undefined): Promise<{ specs: SpecRef[]; diagnostics: Diagnostic[] }> {
  if (argSpecs && argSpecs.length > 0) {
    const root = context.config.file ? context.config.root : process.cwd();
    const abs = argSpecs.map((s) => resolve(process.cwd(), s));
    return resolveSpecs(root, abs, false);
  }
  if (!context.config.file) {
    return { specs: [], diagnostics: [diagnostic("PSK5002", "no spec given and no protoskel.config.json found; pass a spec file, or run `protoskel init`")] };
  }
  return resolveSpecs(context.config.root, context.config.specs, true);
}
