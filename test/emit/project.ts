/**
 * Test helper: writes generated files into a throwaway TypeScript project (with the repo's
 * node_modules linked in), and compiles or runs it the way a user would.
 */

import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { STRICT_COMPILER_OPTIONS } from "../helpers/strict-compile.js";

/** The repository root (for node_modules and the tsc binary). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The strict flag set from the design doc, plus what a NodeNext ESM project with tests needs. */
export const STRICT_OPTIONS = { ...STRICT_COMPILER_OPTIONS, types: ["node"], rootDir: ".", outDir: "dist" };

/** Writes `files` (paths relative to the project) into a new temp project and returns its folder. */
export async function writeProject(files: readonly { path: string; content: string }[]): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "protoskel-emit-"));
  await symlink(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  await writeFile(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  await writeFile(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: STRICT_OPTIONS, include: ["src", "test"] }, null, 2),
  );
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return dir;
}

/** Output and exit status of a child process. */
export interface RunResult {
  readonly status: number | null;
  readonly output: string;
}

function run(command: string, args: string[], cwd: string): RunResult {
  // A vitest run inside a vitest worker would otherwise think it is a worker too.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS"));
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
}

/** Runs the repo's `tsc` (TypeScript 7) on the project; `emit` writes JS to dist/. */
export function runTsc(dir: string, emit: boolean): RunResult {
  const args = ["-p", path.join(dir, "tsconfig.json"), ...(emit ? [] : ["--noEmit"])];
  return run(path.join(REPO_ROOT, "node_modules", ".bin", "tsc"), args, dir);
}

/** Type-checks the project with the TypeScript that ts-morph bundles; returns formatted errors. */
export async function tsMorphErrors(dir: string): Promise<string[]> {
  // ts-morph's Project supplies its bundled lib files (they are not on disk for `ts.sys`).
  const { Project, ts } = await import("ts-morph");
  const project = new Project({ tsConfigFilePath: path.join(dir, "tsconfig.json") });
  return project.getPreEmitDiagnostics().map((d) => {
    const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n");
    return `${d.getSourceFile()?.getFilePath() ?? ""}(${d.getLineNumber() ?? 0}): TS${d.getCode()} ${text}`;
  });
}

/** Runs the generated vitest tests; returns the JSON report and the process result. */
export function runVitest(dir: string): RunResult & { report?: { numPassedTests: number; numFailedTests: number; numTodoTests: number } } {
  const reportFile = path.join(dir, "vitest-report.json");
  const result = run(
    process.execPath,
    [path.join(REPO_ROOT, "node_modules", "vitest", "vitest.mjs"), "run", "--root", dir, "--reporter=json", `--outputFile=${reportFile}`],
    dir,
  );
  try {
    const report = JSON.parse(spawnSync("cat", [reportFile], { encoding: "utf8" }).stdout);
    return { ...result, report };
  } catch {
    return result;
  }
}

/** Runs compiled node:test files with `node --test`. */
export function runNodeTest(dir: string, files: string[]): RunResult {
  return run(process.execPath, ["--test", ...files], dir);
}
