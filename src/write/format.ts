import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import { extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { FormatCache } from "./format-cache.js";
import { FormatPool, formatInPool, type FormatJob, type FormatOutcome } from "./format-pool.js";
import { sha256, stableStringify } from "./hash.js";
import { isDefaultPrettierOptions, noPrettierConfigAbove } from "./prettier-defaults.js";
import type { GeneratedFile } from "./types.js";

/** Options of {@link formatFiles}. */
export interface FormatFilesOptions {
  /**
   * The directory the files' paths are relative to (the spec's output folder `OUT/NAME`).
   * Prettier's config is resolved for each file's place there, as `prettier --write` would.
   */
  readonly cwdForConfig: string;
  /** Cache of formatted output; none means every file is formatted (`--no-cache`). */
  readonly cache?: FormatCache;
  /**
   * Worker threads to use besides the calling thread. Default: decided from the batch
   * (only large batches pay for starting workers) and the number of cores.
   */
  readonly workers?: number;
  /**
   * A pool started earlier with {@link startFormatPool}, used (instead of `workers`) when the
   * files left to format after the cache are enough to be worth sharing out.
   */
  readonly pool?: FormatPool;
  /**
   * Turns Prettier's complaint about a file into a better diagnostic than PSK4004 (the emit
   * stage names the template line that rendered a file that does not parse); undefined keeps PSK4004.
   */
  readonly explainFailure?: (file: GeneratedFile, failure: FormatFailure) => Diagnostic | undefined;
  /**
   * Run Prettier on every file, even those the emit stage certified as already in Prettier's
   * default form (`canonical`) under default options. Default false.
   */
  readonly alwaysFormat?: boolean;
}

/** Why Prettier rejected a file: its message (first line) and, for a parse error, where. */
export type FormatFailure = Extract<FormatOutcome, { ok: false }>;

/** What {@link formatFiles} did, for `--verbose` output and the benchmark. */
export interface FormatStats {
  readonly files: number;
  /** Files kept as rendered: certified canonical and the Prettier options are the defaults. */
  readonly canonical: number;
  readonly cacheHits: number;
  /** Files Prettier actually formatted in this call. */
  readonly formatted: number;
  readonly workers: number;
  readonly milliseconds: number;
}

/** Formatted files (in input order) and a PSK4004 diagnostic for each file Prettier rejected. */
export interface FormatFilesResult {
  /** Every input file, formatted; a file that failed to format is left out. */
  readonly files: GeneratedFile[];
  readonly diagnostics: Diagnostic[];
  readonly stats: FormatStats;
}

/** Below these sizes a worker's start-up (loading Prettier, ~0.25 s) costs more than it saves. */
const PARALLEL_MIN_FILES = 40;
const PARALLEL_MIN_CHARS = 400 * 1024;
const MAX_WORKERS = 7;
/** With a pool already started (and warm), sharing out pays off much sooner. */
const POOL_MIN_CHARS = 16 * 1024;

/**
 * Starts formatting workers now (one per core besides this thread, at most 7), warming the
 * Prettier plugins of `parsers`, so that they are ready when {@link formatFiles} gets its
 * files. Undefined on a single core. The caller must `close()` the pool when done.
 */
export function startFormatPool(parsers: readonly string[], workers = defaultPoolSize()): FormatPool | undefined {
  if (workers <= 0) return undefined;
  return FormatPool.start({ ...poolOptions(workers), warm: parsers });
}

function defaultPoolSize(): number {
  return Math.max(0, Math.min(MAX_WORKERS, availableParallelism() - 1));
}

/**
 * Formats generated files with Prettier 3 and the user's Prettier config, line endings
 * forced to LF. Results are deterministic and in input order; large batches are spread
 * over worker threads. Never throws for bad input: a file Prettier rejects gives PSK4004.
 */
export async function formatFiles(files: readonly GeneratedFile[], options: FormatFilesOptions): Promise<FormatFilesResult> {
  const started = performance.now();
  const jobs: FormatJob[] = [];
  const keys: string[] = [];
  const outcomes: Array<FormatOutcome | undefined> = [];
  const diagnostics: Diagnostic[] = [];
  let cacheHits = 0;
  let canonical = 0;
  // With no config file in sight, the options are Prettier's defaults: no need to load it at all.
  const defaultsForSure = noPrettierConfigAbove(options.cwdForConfig);
  let prettier: PrettierModule | undefined;

  for (const [index, file] of files.entries()) {
    // Certified output under default options is already what Prettier would print.
    const mayKeep = file.canonical === true && options.alwaysFormat !== true;
    const filepath = join(options.cwdForConfig, ...file.path.split("/"));
    let resolved: Record<string, unknown> = {};
    if (!(mayKeep && defaultsForSure)) {
      prettier ??= await loadPrettier();
      try {
        resolved = ((await prettier.resolveConfig(filepath, { editorconfig: true })) ?? {}) as Record<string, unknown>;
      } catch (error) {
        diagnostics.push(formatDiagnostic(file, { ok: false, message: `cannot read the Prettier config: ${firstLine(error)}` }));
        outcomes.push(undefined);
        keys.push("");
        continue;
      }
    }
    if (mayKeep && (defaultsForSure || isDefaultPrettierOptions(resolved))) {
      canonical++;
      outcomes.push({ ok: true, formatted: file.content });
      keys.push("");
      continue;
    }
    prettier ??= await loadPrettier(); // already loaded above; this only tells the type checker
    // `filepath` matters: without it Prettier runs a check that is quadratic on large sources.
    const formatOptions = { ...resolved, parser: file.parser, endOfLine: "lf", filepath };
    const key = cacheKey(prettier.version, file, resolved);
    keys.push(key);
    const hit = options.cache?.get(key);
    if (hit !== undefined) cacheHits++;
    outcomes.push(hit === undefined ? undefined : { ok: true, formatted: hit });
    if (hit === undefined) jobs.push({ index, content: file.content, options: formatOptions });
  }

  const { fresh, workers } = jobs.length === 0 ? { fresh: [], workers: 0 } : await formatJobs(jobs, options);
  for (const [i, job] of jobs.entries()) {
    const outcome = fresh[i]!;
    outcomes[job.index] = outcome;
    if (outcome.ok) options.cache?.set(keys[job.index]!, outcome.formatted);
  }

  const formatted: GeneratedFile[] = [];
  for (const [index, file] of files.entries()) {
    const outcome = outcomes[index];
    if (outcome === undefined) continue; // config error, already reported
    if (outcome.ok) formatted.push({ ...file, content: outcome.formatted });
    else diagnostics.push(options.explainFailure?.(file, outcome) ?? formatDiagnostic(file, outcome));
  }
  return {
    files: formatted,
    diagnostics,
    stats: {
      files: files.length,
      canonical,
      cacheHits,
      formatted: jobs.length,
      workers,
      milliseconds: Math.round(performance.now() - started),
    },
  };
}

/**
 * Everything that decides Prettier's output goes into the key: its version, the parser, the
 * file's extension (`.tsx` turns on JSX), the resolved options and the text itself.
 */
function cacheKey(prettierVersion: string, file: GeneratedFile, resolvedOptions: Record<string, unknown>): string {
  return sha256(
    [prettierVersion, file.parser, extname(file.path), stableStringify(resolvedOptions), file.content].join("\u0000"),
  );
}

type PrettierModule = typeof import("prettier");
let prettierModule: Promise<PrettierModule> | undefined;

/**
 * Prettier's core, loaded on first need (60 ms or more): a run whose files are all certified
 * canonical under default options never needs it. Its config cache is cleared on every call,
 * because a long-lived process (`--watch`) must see edits to the user's Prettier config.
 */
async function loadPrettier(): Promise<PrettierModule> {
  prettierModule ??= import("prettier");
  const prettier = await prettierModule;
  await prettier.clearConfigCache();
  return prettier;
}

async function formatHere(job: FormatJob): Promise<FormatOutcome> {
  try {
    const prettier = await (prettierModule ??= import("prettier"));
    return { ok: true, formatted: await prettier.format(job.content, job.options) };
  } catch (error) {
    const start = (error as { loc?: { start?: { line?: unknown; column?: unknown } } } | null)?.loc?.start;
    const message = firstLine(error);
    return typeof start?.line === "number"
      ? { ok: false, message, line: start.line, column: typeof start.column === "number" ? start.column : 1 }
      : { ok: false, message };
  }
}

/** Formats the cache misses: on the given pool, on a pool of its own, or on this thread alone. */
async function formatJobs(jobs: readonly FormatJob[], options: FormatFilesOptions): Promise<{ fresh: FormatOutcome[]; workers: number }> {
  const chars = jobs.reduce((sum, job) => sum + job.content.length, 0);
  if (options.pool && options.workers === undefined && options.pool.size > 0 && jobs.length > 1 && chars >= POOL_MIN_CHARS) {
    return { fresh: await options.pool.format(jobs, formatHere), workers: options.pool.size };
  }
  // No worker for an empty batch (all cache hits): starting one costs a Prettier load.
  const workers = jobs.length === 0 ? 0 : (options.workers ?? defaultWorkers(jobs));
  const fresh = workers > 0 ? await formatInPool(jobs, formatHere, poolOptions(workers)) : await formatEach(jobs);
  return { fresh, workers };
}

async function formatEach(jobs: readonly FormatJob[]): Promise<FormatOutcome[]> {
  const outcomes: FormatOutcome[] = [];
  for (const job of jobs) outcomes.push(await formatHere(job));
  return outcomes;
}

function defaultWorkers(jobs: readonly FormatJob[]): number {
  const chars = jobs.reduce((sum, job) => sum + job.content.length, 0);
  if (jobs.length <= PARALLEL_MIN_FILES || chars < PARALLEL_MIN_CHARS) return 0;
  return defaultPoolSize();
}

function poolOptions(workers: number) {
  // The workers load the same Prettier file as this module, so all threads format alike.
  const require = createRequire(import.meta.url);
  const prettierUrl = pathToFileURL(require.resolve("prettier")).href;
  const prettierVersion = (require("prettier/package.json") as { version: string }).version;
  return { prettierUrl, prettierVersion, workers };
}

function formatDiagnostic(file: GeneratedFile, outcome: Extract<FormatOutcome, { ok: false }>): Diagnostic {
  const where = outcome.line !== undefined ? `:${outcome.line}:${outcome.column ?? 1}` : "";
  return diagnostic("PSK4004", `cannot format generated file '${file.path}'${where}: ${outcome.message}`);
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
