/**
 * `generate` and `check`: the whole pipeline. Every spec is validated first and nothing is
 * written unless all of them are sound; then each spec is rendered, formatted, compared
 * with its output folder, and written all-or-nothing (or reported as drift).
 */

import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import { emitSpec, uniqueByPosition, type EmitResult } from "../emit/index.js";
import type { Model } from "../model/types.js";
import { startFormatPool, type FormatFailure } from "../write/format.js";
import { hasFormatCache } from "../write/format-cache.js";
import { noPrettierConfigAbove } from "../write/prettier-defaults.js";
import { canonicalLayoutApplies } from "../emit/canonical/verified-with.js";
import type { FormatPool } from "../write/format-pool.js";
import type { GeneratedFile } from "../write/types.js";
import { applyPlan, checkPlan, formatFiles, openFormatCache, planWrite, type ApplyOptions, type DriftEntry, type FormatCache, type FormatStats, type PlannedFile, type WriteSummary } from "../write/index.js";
import { loadModel } from "./load-model.js";
import type { SpecRef } from "./resolve-specs.js";
import { StageTimer } from "./timing.js";

/** What to generate and how. */
export interface GenerateOptions {
  readonly specs: readonly SpecRef[];
  /** Output folder; each spec writes to `outDir/NAME/`. */
  readonly outDir: string;
  /** Folder of user template overrides. */
  readonly templatesDir?: string;
  readonly tests?: "vitest" | "node";
  readonly emit?: { readonly classes?: boolean; readonly docs?: boolean; readonly tests?: boolean };
  /** `write` (default), `check` (drift report, write nothing) or `dry-run` (plan only). */
  readonly mode?: "write" | "check" | "dry-run";
  /** Project folder: where the format cache lives (node_modules/.cache/protoskel). */
  readonly projectDir?: string;
  /** Reuse formatted output (default true). */
  readonly cache?: boolean;
  /**
   * Run Prettier on every file, even output already certified to be in Prettier's form
   * (default false; the result is the same, only slower).
   */
  readonly alwaysFormat?: boolean;
  readonly timer?: StageTimer;
  /** Test hook passed to the writer. */
  readonly faultInjector?: ApplyOptions["faultInjector"];
}

/** The outcome for one spec. */
export interface SpecOutcome {
  readonly spec: string;
  readonly name: string;
  readonly outDir: string;
  /** Planned changes (create/update/delete; unchanged files left out). */
  readonly changes: readonly Pick<PlannedFile, "path" | "action" | "handEdited">[];
  readonly summary?: WriteSummary;
  readonly drift?: readonly DriftEntry[];
  /** How the files were formatted: kept as rendered (already canonical), from the cache, or by Prettier. */
  readonly format?: Pick<FormatStats, "files" | "canonical" | "cacheHits" | "formatted">;
}

/** The outcome of a generate or check run. */
export interface GenerateResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Spec texts by display name, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly outcomes: readonly SpecOutcome[];
  /** True when `check` found any stale, missing or extra file. */
  readonly drift: boolean;
}

/**
 * Specs at least this large (in bytes, all together) render enough text (roughly 8 characters
 * of output per byte of spec) that formatting on a second core pays for a worker's start-up.
 */
const POOL_MIN_SPEC_BYTES = 4 * 1024;

/** Runs the pipeline. Never throws for bad input: problems come back as diagnostics. */
export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  // Workers load Prettier while this thread reads specs and renders templates.
  const pool = startPoolEarly(options);
  try {
    return await runPipeline(options, pool);
  } finally {
    await pool?.close();
  }
}

function startPoolEarly(options: GenerateOptions): FormatPool | undefined {
  if (availableParallelism() < 2) return undefined;
  // Built-in templates under default Prettier options render canonical output that needs no
  // formatting at all; formatFiles still starts workers itself if many files turn out to need it.
  if (options.alwaysFormat !== true && options.templatesDir === undefined && canonicalLayoutApplies() && noPrettierConfigAbove(options.outDir)) return undefined;
  // With a cache from an earlier run most files are usually hits (a warm run, or `check`);
  // formatFiles still starts workers itself if the misses turn out to be many.
  if (options.cache !== false && options.projectDir !== undefined && hasFormatCache(options.projectDir)) return undefined;
  let bytes = 0;
  for (const spec of options.specs) {
    try {
      bytes += statSync(spec.path).size;
    } catch {
      // An unreadable spec is reported by the load stage.
    }
  }
  if (bytes < POOL_MIN_SPEC_BYTES) return undefined;
  const parsers = [...(options.emit?.classes !== false || options.emit?.tests !== false ? ["typescript"] : []), ...(options.emit?.docs !== false ? ["markdown"] : [])];
  return startFormatPool(parsers);
}

async function runPipeline(options: GenerateOptions, pool: FormatPool | undefined): Promise<GenerateResult> {
  const timer = options.timer ?? new StageTimer();
  const mode = options.mode ?? "write";
  // The cache file (tens of MB for a large spec) is read while the specs load.
  const opening = options.cache !== false && options.projectDir !== undefined ? openFormatCache(options.projectDir) : undefined;
  const { sources, diagnostics, models } = await loadAll(options.specs, timer);
  if (hasErrors(diagnostics)) {
    await opening;
    return { diagnostics, sources, outcomes: [], drift: false };
  }
  const cache: FormatCache | undefined = await opening;

  // Render and format every spec before writing any, so a template or format error in the
  // last spec leaves the first one's folder untouched too.
  // Each model is let go once rendered (a large spec's model is tens of MB; peak RSS).
  const prepared = [];
  for (let model = models.shift(); model !== undefined; model = models.shift()) {
    timer.start("render");
    const { specFile: spec, name } = model;
    const emitted = await emitSpec(model, {
      ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
      tests: options.tests ?? "vitest",
      ...(options.emit ? { emit: options.emit } : {}),
      // Formatting parses every TypeScript file anyway; its parse errors become PSK4002 below.
      checkSyntax: false,
    });
    model = undefined;
    diagnostics.push(...emitted.diagnostics);
    if (hasErrors(emitted.diagnostics)) continue;
    const outDir = join(options.outDir, name);
    timer.start("format");
    const formatted = await formatFiles(emitted.files, {
      cwdForConfig: outDir,
      ...(cache ? { cache } : {}),
      ...(pool ? { pool } : {}),
      ...(options.alwaysFormat === true ? { alwaysFormat: true } : {}),
      explainFailure: (file, failure) => explainSyntaxError(emitted, file, failure),
    });
    diagnostics.push(...uniqueByPosition(formatted.diagnostics));
    timer.start("plan");
    const plan = await planWrite(outDir, formatted.files);
    diagnostics.push(...plan.diagnostics);
    const { files, canonical, cacheHits, formatted: byPrettier } = formatted.stats;
    prepared.push({ spec, name, outDir, plan, format: { files, canonical, cacheHits, formatted: byPrettier } });
  }
  timer.stop();
  // Saving writes the whole cache file; the disk write overlaps with writing the output.
  const saving = cache?.save();
  try {
    return await writeOrCheck(prepared, diagnostics, sources, mode, timer, options);
  } finally {
    await saving;
  }
}

/** The back half: write each prepared spec (or report drift, or only plan), once everything rendered and formatted. */
async function writeOrCheck(
  prepared: ReadonlyArray<{ spec: string; name: string; outDir: string; plan: Awaited<ReturnType<typeof planWrite>>; format: NonNullable<SpecOutcome["format"]> }>,
  diagnostics: Diagnostic[],
  sources: ReadonlyMap<string, string>,
  mode: NonNullable<GenerateOptions["mode"]>,
  timer: StageTimer,
  options: GenerateOptions,
): Promise<GenerateResult> {
  if (hasErrors(diagnostics)) return { diagnostics, sources, outcomes: [], drift: false };

  const outcomes: SpecOutcome[] = [];
  let drift = false;
  for (const { spec, name, outDir, plan, format } of prepared) {
    const changes = plan.files.filter((f) => f.action !== "unchanged").map((f) => ({ path: f.path, action: f.action, handEdited: f.handEdited }));
    const base = { spec, name, outDir, changes, format };
    if (mode === "check") {
      timer.start("check");
      const report = await checkPlan(plan);
      timer.stop();
      if (!report.upToDate) drift = true;
      outcomes.push({ ...base, drift: report.drift });
    } else if (mode === "dry-run") {
      outcomes.push(base);
    } else {
      timer.start("write");
      const applied = await applyPlan(plan, options.faultInjector ? { faultInjector: options.faultInjector } : {});
      timer.stop();
      diagnostics.push(...applied.diagnostics);
      if (!applied.ok) return { diagnostics, sources, outcomes, drift };
      outcomes.push({ ...base, summary: applied.summary });
    }
  }
  return { diagnostics, sources, outcomes, drift };
}

/** Loads every spec's model; a name used by two specs is PSK5005. */
async function loadAll(specs: readonly SpecRef[], timer: StageTimer): Promise<{ sources: Map<string, string>; diagnostics: Diagnostic[]; models: Model[] }> {
  const sources = new Map<string, string>();
  const loaded = await Promise.all(specs.map((s) => loadModel(s.path, s.displayName, timer)));
  for (const r of loaded) for (const [k, v] of r.sources) sources.set(k, v);
  const diagnostics: Diagnostic[] = loaded.flatMap((r) => [...r.diagnostics]);
  const models = loaded.flatMap((r) => (r.model ? [r.model] : []));
  if (hasErrors(diagnostics)) return { sources, diagnostics, models: [] };
  const byName = new Map<string, Model>();
  for (const model of models) {
    const other = byName.get(model.name);
    if (other) diagnostics.push(diagnostic("PSK5005", `specs '${other.specFile}' and '${model.specFile}' are both named '${model.name}' and would write the same folder`));
    byName.set(model.name, model);
  }
  return { sources, diagnostics, models };
}

/** A TypeScript file Prettier could not parse is a template problem: PSK4002 naming the template line. */
function explainSyntaxError(emitted: EmitResult, file: GeneratedFile, failure: FormatFailure): Diagnostic | undefined {
  if (file.parser !== "typescript" || failure.line === undefined) return undefined;
  // Prettier ends a parse error's first line with "(line:column)", already given separately.
  const message = failure.message.replace(/\s*\(\d+:\d+\)$/, "");
  return emitted.syntaxDiagnostic(file.path, { line: failure.line, column: failure.column ?? 1, message });
}
