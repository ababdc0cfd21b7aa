/**
 * The yargs-free parser for everyday generate/check command lines must hand runGenerate exactly
 * what yargs would, and must give up (undefined) on anything it does not read the same way.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { GenerateArgs } from "../../src/cli/commands/generate.js";
import { quickGenerateArgs } from "../../src/cli/quick-args.js";

const seen: GenerateArgs[] = [];
vi.mock("../../src/cli/commands/generate.js", () => ({
  runGenerate: vi.fn(async (args: GenerateArgs) => {
    seen.push(args);
    return 0;
  }),
}));
beforeEach(() => {
  seen.length = 0;
});

const KEYS = ["specs", "out", "templates", "tests", "config", "check", "dryRun", "watch", "cache", "alwaysFormat", "timing", "quiet"] as const;

/** What yargs hands runGenerate, reduced to the keys runGenerate reads. */
async function viaYargs(argv: string[]): Promise<Record<string, unknown>> {
  const { main } = await import("../../src/cli/main.js");
  expect(await main(argv)).toBe(0);
  expect(seen).toHaveLength(1);
  return pick(seen[0]!);
}

function pick(args: GenerateArgs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = (args as Record<string, unknown>)[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) out[key] = value;
  }
  return out;
}

describe("quickGenerateArgs", () => {
  it.each([
    ["generate"],
    ["check"],
    ["generate", "specs/a.yaml", "specs/b.yaml"],
    ["generate", "a.yaml", "--out", "gen", "--no-cache", "--tests", "node"],
    ["generate", "--out=gen", "-q", "--timing", "a.yaml"],
    ["generate", "-o", "gen", "--dry-run"],
    ["generate", "--watch", "--templates", "tpl", "--config", "c.json"],
    ["generate", "-w", "--always-format", "--cache"],
    ["generate", "--check"],
    ["check", "a.yaml", "--out", "gen", "--always-format", "--quiet", "--tests=vitest"],
  ])("reads %j as yargs does", async (...argv) => {
    const quick = quickGenerateArgs(argv);
    expect(quick).toBeDefined();
    expect(pick(quick!)).toEqual(await viaYargs(argv));
  });

  it.each([
    ["--help"],
    ["generate", "--help"],
    ["generate", "-h"],
    ["validate", "a.yaml"],
    ["generate", "--outt", "x"],
    ["generate", "--out"],
    ["generate", "--out", "a", "--out", "b"],
    ["generate", "--tests", "jest"],
    ["generate", "--cache=false"],
    ["generate", "--", "a.yaml"],
    ["check", "--dry-run"],
    ["check", "--watch"],
    ["generate", "-qw"],
  ])("leaves %j to the full CLI", (...argv) => {
    expect(quickGenerateArgs(argv)).toBeUndefined();
  });
});
