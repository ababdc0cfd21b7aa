/** `protoskel generate` and `protoskel check`: print progress, drift and diagnostics; pick the exit code. */

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { recordFingerprints } from "../../api/fingerprint.js";
import { generate, type GenerateResult } from "../../api/generate.js";
import type { SpecRef } from "../../api/resolve-specs.js";
import { StageTimer } from "../../api/timing.js";
import { hasErrors } from "../../diagnostics/index.js";
import { commandContext, specsFor, type CommandContext } from "../context.js";
import { EXIT, type Output } from "../output.js";
import { fastPathContext } from "../fast-check.js";
import { watchAndRegenerate } from "../watch.js";

/** The options of generate/check as yargs hands them over. */
export interface GenerateArgs {
  readonly specs?: string[] | undefined;
  readonly out?: string | undefined;
  readonly templates?: string | undefined;
  readonly check?: boolean | undefined;
  readonly dryRun?: boolean | undefined;
  readonly watch?: boolean | undefined;
  readonly cache?: boolean | undefined;
  readonly alwaysFormat?: boolean | undefined;
  readonly tests?: "vitest" | "node" | undefined;
  readonly timing?: boolean | undefined;
  readonly config?: string | undefined;
  readonly quiet?: boolean | undefined;
}

export async function runGenerate(args: GenerateArgs): Promise<number> {
  const { context, diagnostics, output } = await commandContext(args);
  if (!context) {
    output.diagnostics(diagnostics);
    return EXIT.badInput;
  }
  if (args.watch) {
    return watchAndRegenerate(context, args, () => once(context, args));
  }
  return once(context, args);
}

/** One run of generate or check; returns the exit code. */
async function once(context: CommandContext, args: GenerateArgs): Promise<number> {
  const { output, config } = context;
  const resolved = await specsFor(context, args.specs);
  if (hasErrors(resolved.diagnostics)) {
    output.diagnostics(resolved.diagnostics);
    return EXIT.badInput;
  }
  const mode = args.check ? "check" : args.dryRun ? "dry-run" : "write";
  const timer = new StageTimer();
  const started = performance.now();
  const tests = args.tests ?? (config.emit.tests === false ? undefined : config.emit.tests);
  const result = await generate({
    specs: resolved.specs,
    outDir: args.out !== undefined ? resolve(process.cwd(), args.out) : config.outDir,
    // A templates folder named by the config may not exist until the first eject; one named
    // on the command line must exist (a typo there should not pass silently).
    ...(args.templates !== undefined ? { templatesDir: resolve(process.cwd(), args.templates) } : config.templates !== undefined && existsSync(config.templates) ? { templatesDir: config.templates } : {}),
    ...(tests !== undefined ? { tests } : {}),
    emit: { classes: config.emit.classes, docs: config.emit.docs, tests: config.emit.tests !== false },
    mode,
    projectDir: config.root,
    cache: args.cache !== false && config.cache,
    ...(args.alwaysFormat === true ? { alwaysFormat: true } : {}),
    timer,
  });
  output.diagnostics(result.diagnostics, result.sources);
  if (hasErrors(result.diagnostics)) return EXIT.badInput;
  report(output, result, mode, performance.now() - started);
  if (mode === "write" || (mode === "check" && !result.drift)) await remember(args, resolved.specs, result);
  if (args.timing || process.env["PROTOSKEL_TIMING"] === "1") {
    process.stderr.write(`timing (ms): ${JSON.stringify(timer.report())}\n`);
    for (const outcome of result.outcomes) if (outcome.format) process.stderr.write(`${formatLine(outcome.spec, outcome.format)}\n`);
  }
  return mode === "check" && result.drift ? EXIT.drift : EXIT.ok;
}

/**
 * After a run that left the output exactly as generated, records the inputs' fingerprint so
 * that the next bare `check` can answer without the pipeline (src/cli/fast-check.ts). Only
 * for runs configured purely by the config file, since that is all the fast path reads.
 */
async function remember(args: GenerateArgs, specs: readonly SpecRef[], result: GenerateResult): Promise<void> {
  const bare = (args.specs ?? []).length === 0 && args.out === undefined && args.templates === undefined && args.tests === undefined && args.config === undefined && args.cache !== false && args.alwaysFormat !== true;
  if (!bare) return;
  const context = await fastPathContext(process.cwd());
  if (!context) return;
  const outDirBySpec = new Map(result.outcomes.map((o) => [o.spec, o.outDir]));
  const entries = specs.flatMap((spec) => {
    const outDir = outDirBySpec.get(spec.displayName);
    return outDir === undefined ? [] : [{ specPath: spec.path, outDir, configFile: context.configFile, ...(context.templatesDir !== undefined ? { templatesDir: context.templatesDir } : {}) }];
  });
  await recordFingerprints(context.root, entries);
}

/**
 * Where each file's formatting came from, so a slow run explains itself (a Prettier config that
 * changes the layout, overridden templates or doc text in a style Prettier rewrites all make
 * files go through Prettier; see the README's *Formatting*).
 */
function formatLine(spec: string, f: NonNullable<GenerateResult["outcomes"][number]["format"]>): string {
  return `formatting (${spec}): ${f.files} files: ${f.canonical} already in Prettier's form, ${f.cacheHits} from the cache, ${f.formatted} formatted by Prettier`;
}

function report(output: Output, result: GenerateResult, mode: "write" | "check" | "dry-run", ms: number): void {
  const time = `${Math.round(ms)} ms`;
  for (const outcome of result.outcomes) {
    if (mode === "check") {
      for (const d of outcome.drift ?? []) output.out(`${d.kind}: ${outcome.outDir}/${d.path}\n${d.diff}`);
      const n = outcome.drift?.length ?? 0;
      if (n > 0) output.out(`${outcome.spec}: ${n} file${n === 1 ? "" : "s"} out of date in ${outcome.outDir}; run 'protoskel generate' to update.`);
      else output.info(`${outcome.spec}: up to date (${outcome.outDir})`);
    } else if (mode === "dry-run") {
      for (const c of outcome.changes) output.out(`would ${c.action} ${outcome.outDir}/${c.path}${c.handEdited ? " (edited by hand)" : ""}`);
      if (outcome.changes.length === 0) output.info(`${outcome.spec}: nothing would change`);
    } else {
      const s = outcome.summary;
      if (!s) continue;
      const parts = [`${s.created.length} created`, `${s.updated.length} updated`, `${s.deleted.length} deleted`, `${s.unchanged.length} unchanged`];
      output.info(`${outcome.spec} → ${outcome.outDir}: ${parts.join(", ")} (${time})`);
    }
  }
}
