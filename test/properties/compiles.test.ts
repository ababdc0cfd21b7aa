/**
 * Generated output always parses as TypeScript (ts-morph's bundled TS), has LF line ends
 * only, and compiles with tsc 7 under the strict flags. Every generated spec of the property goes into one temp
 * root, and tsc runs once at the end over all of them (tsc is the slow part).
 */
import { execFile } from "node:child_process";
import { readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STRICT_TSCONFIG, tscBin } from "../helpers/strict-compile.js";
import { validSpec } from "../helpers/spec-arbitrary.js";
import { errorsOf, generateCase, listFiles, makeRoot, newCase, removeRoot } from "./workspace.js";

/** Specs generated and compiled: each costs a full render + format, and tsc checks them all. */
export const COMPILE_RUNS = 15;

const run = promisify(execFile);

describe("generated output compiles", () => {
  let root: string;
  const generated: string[] = [];
  beforeAll(async () => {
    root = await makeRoot("compile");
  });
  afterAll(async () => {
    await removeRoot(root);
  });

  it("parses as TypeScript with no syntax error in any .ts file, and has no CR in any file", async () => {
    const { ts } = await import("ts-morph");
    await fc.assert(
      fc.asyncProperty(validSpec(), async (spec) => {
        const c = await newCase(root, spec.text);
        const result = await generateCase(c);
        expect(errorsOf(result), spec.text).toEqual([]);
        const files = await listFiles(c.outDir);
        // LF only, whatever the spec's line endings (the arbitrary writes some specs with CRLF).
        for (const file of files) expect((await readFile(join(c.outDir, file), "utf8")).includes("\r"), file).toBe(false);
        const tsFiles = files.filter((f) => f.endsWith(".ts"));
        expect(tsFiles.length).toBeGreaterThan(spec.families.length);
        for (const file of tsFiles) {
          const text = await readFile(join(c.outDir, file), "utf8");
          const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
          const syntax = (source as unknown as { parseDiagnostics: { messageText: unknown; start?: number }[] }).parseDiagnostics;
          expect(syntax.map((d) => `${file}@${d.start}: ${JSON.stringify(d.messageText)}`), spec.text).toEqual([]);
        }
        generated.push(c.dir);
      }),
      { numRuns: COMPILE_RUNS },
    );
  });

  it("compiles with tsc 7 under the strict flags", async () => {
    expect(generated.length).toBe(COMPILE_RUNS);
    await prepareCompileRoot(root);
    // Sources: the full strict set, as the docs promise.
    expect(await tsc(root, "tsconfig.src.json", STRICT_TSCONFIG.compilerOptions, ["case-*/out/*/src/*.ts"])).toBe("");
    // Stub tests: the full strict set too.
    expect(await tsc(root, "tsconfig.test.json", STRICT_TSCONFIG.compilerOptions, ["case-*/out/*/test/*.ts"])).toBe("");
  }, 180_000);

  // Found by this suite: such a family once got a stub test with unused declarations.
  it("stub tests of an all-required family without lifecycle pass noUnusedLocals", async () => {
    const dir = await makeRoot("compile-known-bug");
    try {
      const c = await newCase(dir, ALL_REQUIRED_SPEC);
      expect(errorsOf(await generateCase(c))).toEqual([]);
      await prepareCompileRoot(dir);
      expect(await tsc(dir, "tsconfig.json", STRICT_TSCONFIG.compilerOptions, ["case-*/out/*/test/*.ts"])).toBe("");
    } finally {
      await removeRoot(dir);
    }
  }, 60_000);
});

const ALL_REQUIRED_SPEC = `protoskel: 1
name: all-required
summary: Every callback is abstract.
families:
  Relay:
    summary: A relay.
    callbacks:
      data_lost: { doc: Data was lost., returns: string, required: true }
`;

/** An ESM package root whose stub tests can resolve vitest from this project. */
async function prepareCompileRoot(root: string): Promise<void> {
  await symlink(join(process.cwd(), "node_modules"), join(root, "node_modules"), "dir");
  await writeFile(join(root, "package.json"), JSON.stringify({ type: "module" }));
}

/** Runs tsc 7 once over `include` with `options`; returns its report plus the specs behind failing files. */
async function tsc(root: string, configName: string, options: object, include: string[]): Promise<string> {
  await writeFile(join(root, configName), JSON.stringify({ compilerOptions: options, include }));
  const out = await run(process.execPath, [tscBin(), "-p", join(root, configName), "--noEmit"], { maxBuffer: 64 * 1024 * 1024 }).catch((e: { stdout: string }) => e);
  const report = out.stdout ?? "";
  // Name the spec behind each failing file, so a failure can be reproduced.
  const dirs = [...new Set([...report.matchAll(/(case-\d+)\//g)].map((m) => m[1]!))];
  const specs = await Promise.all(dirs.map(async (dir) => `--- ${dir}/spec.yaml\n${await readFile(join(root, dir, "spec.yaml"), "utf8")}`));
  return report + specs.join("\n");
}
