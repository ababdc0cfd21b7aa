/**
 * The committed examples are real code: they compile with the strict flag set under tsc 7
 * and under the TypeScript that ts-morph bundles, and their generated tests pass.
 * (`protoskel check` in CI proves they are also what the spec generates today.)
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { STRICT_COMPILER_OPTIONS, tscBin } from "../helpers/strict-compile.js";

const run = promisify(execFile);
const root = new URL("../../", import.meta.url).pathname;
const examples = join(root, "generated-examples");

describe("generated-examples", () => {
  it("exists (the README's main job writes it)", () => {
    expect(existsSync(join(examples, "asyncio", "src", "Protocol.ts"))).toBe(true);
  });

  it("compiles with tsc 7 under the strict flag set", async () => {
    const result = await run(process.execPath, [tscBin(), "-p", join(examples, "tsconfig.json")]).catch((e: { stdout: string; code: number }) => e);
    expect((result as { stdout: string }).stdout).toBe("");
  }, 120_000);

  it("compiles with the TypeScript bundled in ts-morph", async () => {
    const { Project, ts } = await import("ts-morph");
    const options = ts.convertCompilerOptionsFromJson({ ...STRICT_COMPILER_OPTIONS, noEmit: true }, examples).options;
    const project = new Project({ compilerOptions: options });
    project.addSourceFilesAtPaths(join(examples, "**/*.ts"));
    const diagnostics = project.getPreEmitDiagnostics().map((d) => `${d.getSourceFile()?.getFilePath()}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as string, "\n")}`);
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it("passes its own generated tests", async () => {
    const vitest = join(root, "node_modules", "vitest", "vitest.mjs");
    const result = await run(process.execPath, [vitest, "run", "--root", join(examples, "asyncio"), "--reporter", "dot"], { cwd: join(examples, "asyncio") }).catch((e: { stdout: string; stderr: string; code: number }) => e);
    const out = `${(result as { stdout: string }).stdout}\n${(result as { stderr?: string }).stderr ?? ""}`;
    expect((result as { code?: number }).code ?? 0, out).toBe(0);
    expect(out).toMatch(/Tests\s+.*\d+ passed/);
  }, 180_000);
});

describe("examples (hand-written implementations made with scaffold)", () => {
  it("compile with tsc 7 under the strict flag set, together with the generated code", async () => {
    const result = await run(process.execPath, [tscBin(), "-p", join(root, "examples", "tsconfig.json")]).catch((e: { stdout: string }) => e);
    expect((result as { stdout: string }).stdout).toBe("");
  }, 120_000);
});
