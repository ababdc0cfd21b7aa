/**
 * A crash is a bug: any uncaught exception makes the CLI print a short report (what, where,
 * version, command) and exit 70, never a bare stack trace. Faults are injected into the
 * built CLI (dist/, which `npm test` builds first) with a `--import` preload module, so the
 * real entry point and its handlers are what is tested.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
const CLI = join(DIST, "cli.js");
const { version: VERSION } = (await import("../../package.json", { with: { type: "json" } })).default as { version: string };

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs node with `args` in `cwd`; PROTOSKEL_DEBUG only when `debug`. */
function runNode(args: readonly string[], cwd: string, debug = false): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", GITHUB_ACTIONS: "" };
  delete env["PROTOSKEL_DEBUG"];
  if (debug) env["PROTOSKEL_DEBUG"] = "1";
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A preload module (as a data: URL) that runs `source` before the CLI starts. */
function preload(source: string): string[] {
  return ["--import", `data:text/javascript,${encodeURIComponent(source)}`];
}

/** Stack-trace lines ("    at fn (file:line:col)"). */
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** The fields of a crash report, by label. */
function reportFields(stderr: string): Record<string, string> {
  expect(stderr.split("\n")[0]).toBe("protoskel crashed: this is a bug in protoskel, not in your input.");
  const fields: Record<string, string> = {};
  for (const m of stderr.matchAll(/^ {2}(error|where|version|command): +(.*)$/gm)) fields[m[1]!] = m[2]!;
  return fields;
}

describe("crash report", () => {
  let work: string;
  beforeAll(async () => {
    expect(existsSync(CLI), "dist/cli.js is missing: run `npm run build` (npm test does)").toBe(true);
    work = await mkdtemp(join(tmpdir(), "protoskel-crash-"));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("reportCrash prints version, command and where, exits 70, and hides the stack", async () => {
    // The error is thrown inside protoskel's own code (dist/), as a real bug would be.
    const script = `
      import { reportCrash } from ${JSON.stringify(join(DIST, "cli", "crash.js"))};
      import { formatDiagnostics } from ${JSON.stringify(join(DIST, "diagnostics", "index.js"))};
      try { formatDiagnostics(null); } catch (error) { reportCrash(error, "9.8.7"); }
    `;
    // A script file (not -e) so that argv is shaped as for the real CLI: [node, script, ...args].
    await writeFile(join(work, "crash-direct.mjs"), script);
    const run = await runNode([join(work, "crash-direct.mjs"), "generate", "my spec.yaml"], work);
    expect(run.code).toBe(70);
    expect(run.stdout).toBe("");
    const fields = reportFields(run.stderr);
    expect(fields["error"]).toMatch(/^TypeError: /);
    expect(fields["where"]).toMatch(/dist\/diagnostics\/format\.js:\d+:\d+/);
    expect(fields["version"]).toContain("protoskel 9.8.7");
    expect(fields["version"]).toContain(`Node.js ${process.version}`);
    expect(fields["command"]).toBe('protoskel generate "my spec.yaml"');
    expect(run.stderr).toContain("PROTOSKEL_DEBUG=1");
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr.split("\n").length).toBeLessThan(12);
  });

  it("shows the full stack only with PROTOSKEL_DEBUG=1", async () => {
    const script = `
      import { reportCrash } from ${JSON.stringify(join(DIST, "cli", "crash.js"))};
      reportCrash(new Error("first line\\nsecond line"), "1.0.0");
    `;
    await writeFile(join(work, "crash-debug.mjs"), script);
    const run = await runNode([join(work, "crash-debug.mjs")], work, true);
    expect(run.code).toBe(70);
    expect(reportFields(run.stderr)["error"]).toBe("Error: first line");
    expect(run.stderr).toMatch(STACK_LINE);
  });

  it("turns an exception thrown inside a command into the report (exit 70)", async () => {
    // `schema` serialises the JSON Schema; make serialising fail as a bug would.
    const run = await runNode([...preload('JSON.stringify = () => { throw new TypeError("injected fault"); };'), CLI, "schema"], work);
    expect(run.code).toBe(70);
    const fields = reportFields(run.stderr);
    expect(fields["version"]).toContain(`protoskel ${VERSION}`);
    expect(fields["command"]).toBe("protoskel schema");
    expect(fields["where"]).toMatch(/dist\/.+\.js:\d+:\d+/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("turns an uncaught asynchronous exception into the report (exit 70)", async () => {
    // The first write to stdout schedules a throw outside any promise chain.
    const source = `
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = (...args) => { setImmediate(() => { throw new RangeError("async fault"); }); return write(...args); };
    `;
    const run = await runNode([...preload(source), CLI, "--version"], work);
    expect(run.code).toBe(70);
    expect(reportFields(run.stderr)["error"]).toBe("RangeError: async fault");
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it("a crash during generate writes nothing", async () => {
    const spec = "protoskel: 1\nname: crashy\nsummary: s\nfamilies:\n  Relay:\n    summary: r\n    callbacks:\n      ping: { doc: Ping. }\n";
    const dir = join(work, "generate");
    await mkdir(dir);
    await writeFile(join(dir, "spec.yaml"), spec);
    const run = await runNode([...preload('JSON.stringify = () => { throw new TypeError("injected fault"); };'), CLI, "generate", "spec.yaml", "--out", "out"], dir);
    expect(run.code).toBe(70);
    expect(reportFields(run.stderr)["command"]).toBe("protoskel generate spec.yaml --out out");
    expect(await readdir(dir)).toEqual(["spec.yaml"]);
  });
});
