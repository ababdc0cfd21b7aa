/**
 * A small parser for the everyday forms of `generate` and `check` (the commands run on every
 * save and in every CI job), so that they start without loading yargs (~0.1 s). It accepts
 * only options it reads exactly as yargs does; anything else (help, a typo, a repeated or
 * unknown option, `--`) returns undefined and the full CLI handles it, errors included.
 */

import type { GenerateArgs } from "./commands/generate.js";

type ValueOption = "out" | "templates" | "tests" | "config";
type FlagOption = "check" | "dryRun" | "watch" | "cache" | "alwaysFormat" | "timing" | "quiet";

/** Long and short names → option, per command (`check` takes no --check/--dry-run/--watch). */
const VALUE_OPTIONS: Readonly<Record<string, ValueOption>> = { "--out": "out", "-o": "out", "--templates": "templates", "--tests": "tests", "--config": "config" };
const FLAG_OPTIONS: Readonly<Record<string, FlagOption>> = {
  "--check": "check",
  "--dry-run": "dryRun",
  "--watch": "watch",
  "-w": "watch",
  "--cache": "cache",
  "--always-format": "alwaysFormat",
  "--timing": "timing",
  "--quiet": "quiet",
  "-q": "quiet",
};
const GENERATE_ONLY = new Set<FlagOption>(["check", "dryRun", "watch"]);

/** `generate`/`check` arguments as the CLI would hand them over, or undefined to use the full CLI. */
export function quickGenerateArgs(argv: readonly string[]): GenerateArgs | undefined {
  const [command, ...rest] = argv;
  if (command !== "generate" && command !== "check") return undefined;
  const specs: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const flags: Partial<Record<FlagOption, boolean>> = {};
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (!token.startsWith("-")) {
      specs.push(token);
      continue;
    }
    const eq = token.indexOf("=");
    const name = eq > 0 && token.startsWith("--") ? token.slice(0, eq) : token;
    const valueOption = VALUE_OPTIONS[name];
    if (valueOption !== undefined) {
      const value = eq > 0 && token.startsWith("--") ? token.slice(eq + 1) : rest[++i];
      if (value === undefined || value === "" || value.startsWith("-") || values[valueOption] !== undefined) return undefined;
      if (valueOption === "tests" && value !== "vitest" && value !== "node") return undefined;
      values[valueOption] = value;
      continue;
    }
    if (eq > 0) return undefined; // --flag=value: leave yargs' boolean parsing to yargs
    const negated = name === "--no-cache";
    const flag = negated ? "cache" : FLAG_OPTIONS[name];
    if (flag === undefined || flags[flag] !== undefined) return undefined;
    if (command === "check" && GENERATE_ONLY.has(flag)) return undefined;
    flags[flag] = !negated;
  }
  const { tests, ...paths } = values;
  return {
    ...(specs.length > 0 ? { specs } : {}),
    ...paths,
    ...(tests === "vitest" || tests === "node" ? { tests } : {}),
    check: command === "check" || flags.check === true,
    dryRun: command === "generate" && flags.dryRun === true,
    watch: command === "generate" && flags.watch === true,
    cache: flags.cache ?? true,
    alwaysFormat: flags.alwaysFormat === true,
    timing: flags.timing === true,
    quiet: flags.quiet === true,
  };
}
