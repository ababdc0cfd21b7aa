/**
 * A throwaway user project for the scaffold tests: the asyncio spec, its generated output,
 * the transports module that output imports, a tsconfig with the strict flag set the docs
 * promise, and the repository's node_modules linked in (so tsc and vitest resolve).
 */

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { generate } from "../../src/index.js";
import { STRICT_COMPILER_OPTIONS } from "../helpers/strict-compile.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const TSCONFIG = {
  compilerOptions: { ...STRICT_COMPILER_OPTIONS, types: ["node"], noEmit: true },
  include: ["src", "generated"],
};

/** A temp project with the asyncio spec generated into `generated/`. */
export interface TempProject {
  readonly root: string;
  readonly spec: string;
  readonly outDir: string;
  /** Where user classes go. */
  readonly src: string;
  /** (Re)generates the output from the project's spec; fails the test on any diagnostic error. */
  regenerate(): Promise<void>;
  remove(): void;
}

export async function createTempProject(): Promise<TempProject> {
  const root = mkdtempSync(join(tmpdir(), "protoskel-scaffold-"));
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  mkdirSync(join(root, "specs"));
  mkdirSync(join(root, "src"));
  cpSync(join(REPO, "specs/asyncio.yaml"), join(root, "specs/asyncio.yaml"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ name: "scaffold-fixture", private: true, type: "module" }));
  writeFileSync(join(root, "tsconfig.json"), JSON.stringify(TSCONFIG, null, 2));
  writeFileSync(join(root, "vitest.config.mjs"), `export default { cacheDir: ".vite-cache", test: { include: ["src/**/*.test.ts"] } };\n`);
  const project: TempProject = {
    root,
    spec: join(root, "specs/asyncio.yaml"),
    outDir: join(root, "generated"),
    src: join(root, "src"),
    async regenerate() {
      const result = await generate({ specs: ["specs/asyncio.yaml"], outDir: join(root, "generated"), cwd: root, cache: false });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  await project.regenerate();
  return project;
}

/** Runs a tool from the repository's node_modules/.bin in `cwd`; returns its exit status and output. */
export function runBin(bin: string, args: readonly string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(join(REPO, "node_modules/.bin", bin), [...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Type-checks the whole temp project with its strict tsconfig. */
export function typecheck(project: TempProject): { status: number | null; output: string } {
  return runBin("tsc", ["-p", "tsconfig.json"], project.root);
}

/** Reads a file as text. */
export function read(path: string): string {
  return readFileSync(path, "utf8");
}

/** Captures what the CLI prints to stdout and stderr while `run` runs. */
export async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { result: await run(), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
