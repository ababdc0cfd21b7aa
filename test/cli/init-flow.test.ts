/**
 * The newcomer's path from the README, end to end: init → generate → scaffold → the
 * project compiles under the strict flag set and its tests (generated and scaffolded) pass.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { STRICT_TSCONFIG, tscBin } from "../helpers/strict-compile.js";
import { runCli } from "./run-cli.js";

const run = promisify(execFile);
const repo = new URL("../../", import.meta.url).pathname;
let project = "";

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

it("init → generate → scaffold gives a project that compiles strictly and passes its tests", async () => {
  project = await mkdtemp(join(tmpdir(), "protoskel-init-"));
  await symlink(join(repo, "node_modules"), join(project, "node_modules"), "dir");
  await writeFile(join(project, "package.json"), JSON.stringify({ type: "module" }));

  const init = await runCli(["init"], project);
  expect(init.code, init.stderr).toBe(0);
  expect((await runCli(["init"], project)).code).toBe(2); // never overwrites

  const gen = await runCli(["generate"], project);
  expect(gen.code, gen.stderr).toBe(0);

  const scaffold = await runCli(["scaffold", "StreamProtocol", "Echo", "--dir", "src"], project);
  expect(scaffold.code, scaffold.stderr + scaffold.stdout).toBe(0);
  expect(await readFile(join(project, "src", "Echo.ts"), "utf8")).toMatch(/export class Echo extends StreamProtocol/);

  await writeFile(join(project, "tsconfig.json"), JSON.stringify({ ...STRICT_TSCONFIG, compilerOptions: { ...STRICT_TSCONFIG.compilerOptions, noEmit: true }, include: ["src/**/*.ts", "generated/**/*.ts"] }));
  const tsc = await run(process.execPath, [tscBin(), "-p", join(project, "tsconfig.json")]).catch((e: { stdout: string }) => e);
  expect((tsc as { stdout: string }).stdout).toBe("");

  const vitest = join(repo, "node_modules", "vitest", "vitest.mjs");
  const tests = await run(process.execPath, [vitest, "run", "--root", project, "--reporter", "dot"], { cwd: project }).catch((e: { stdout: string; stderr: string; code: number }) => e);
  const out = `${(tests as { stdout: string }).stdout}${(tests as { stderr?: string }).stderr ?? ""}`.replace(/\u001b\[[0-9;]*m/g, "");
  expect((tests as { code?: number }).code ?? 0, out).toBe(0);
  expect(out).toMatch(/Test Files\s+2 passed/);

  expect((await runCli(["check"], project)).code).toBe(0);
}, 180_000);
