/**
 * The fast path of a bare `protoskel check` or `generate`: when every spec's output is verified up to date
 * by its recorded fingerprint (src/api/fingerprint.ts), answer without loading the pipeline
 * (yargs, zod, yaml, Prettier). Anything else (flags, a YAML config, no record, any
 * difference) returns false and the full check runs, so this can only save time, never
 * change an answer.
 */

import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { verifiedUpToDate } from "../api/fingerprint.js";
import { findConfig } from "../config/find.js";
import { expandGlob, isGlob } from "../config/glob.js";

/** What a plain JSON config says, as far as the fast path needs it. */
interface PlainConfig {
  readonly specs: readonly string[];
  readonly templates?: string;
  readonly cache?: boolean;
}

/** The settings a recorded run must have used for its record to apply to a bare `check`. */
export interface FastPathContext {
  readonly configFile: string;
  readonly root: string;
  readonly specPaths: readonly string[];
  readonly templatesDir?: string;
}

/** The bare-config context, or undefined when the config is not a plain JSON one this path reads. */
export async function fastPathContext(cwd: string): Promise<FastPathContext | undefined> {
  const configFile = findConfig(cwd);
  if (configFile === undefined || !configFile.endsWith(".json")) return undefined;
  let config: PlainConfig;
  try {
    config = JSON.parse(readFileSync(configFile, "utf8")) as PlainConfig;
  } catch {
    return undefined;
  }
  if (!Array.isArray(config.specs) || config.cache === false) return undefined;
  const root = dirname(configFile);
  const specPaths: string[] = [];
  for (const pattern of config.specs) {
    if (typeof pattern !== "string") return undefined;
    if (isGlob(pattern)) for (const match of await expandGlob(root, pattern)) specPaths.push(resolve(root, match));
    else specPaths.push(resolve(root, pattern));
  }
  const templates = typeof config.templates === "string" ? resolve(root, config.templates) : undefined;
  const templatesDir = templates !== undefined && existsSync(templates) ? templates : undefined;
  return { configFile, root, specPaths: [...new Set(specPaths)], ...(templatesDir !== undefined ? { templatesDir } : {}) };
}

/**
 * Answers a bare `check` (or `generate`, which would then write nothing) when it can;
 * returns the exit code, or undefined to run the full command.
 */
export async function fastCheck(argv: readonly string[], cwd: string): Promise<number | undefined> {
  const command = argv[0];
  if ((command !== "check" && command !== "generate") || argv.slice(1).some((a) => a !== "-q" && a !== "--quiet") || process.env["PROTOSKEL_NO_FAST_PATH"]) return undefined;
  const context = await fastPathContext(cwd);
  if (!context) return undefined;
  const entries = context.specPaths.map((specPath) => ({ specPath, configFile: context.configFile, ...(context.templatesDir !== undefined ? { templatesDir: context.templatesDir } : {}) }));
  const outDirs = await verifiedUpToDate(context.root, entries);
  if (!outDirs) return undefined;
  if (!argv.includes("-q") && !argv.includes("--quiet")) {
    const nothing = command === "generate" ? "; nothing to write" : "";
    for (const outDir of outDirs) process.stderr.write(`up to date (${outDir}; inputs unchanged since the last verified run${nothing})\n`);
  }
  return 0;
}
