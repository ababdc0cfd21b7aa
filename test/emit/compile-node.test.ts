/**
 * End to end for the node:test flavour: emit, compile to JS with tsc 7 under the strict flag
 * set, and run the generated tests with `node --test`.
 */

import { readdir } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitSpec } from "../../src/emit/index.js";
import type { GeneratedFile } from "../../src/write/types.js";
import { fixtureModel, TRANSPORTS_MODULE } from "./fixture-model.js";
import { runNodeTest, runTsc, tsMorphErrors, writeProject } from "./project.js";

let files: GeneratedFile[] = [];
let dir = "";

beforeAll(async () => {
  const result = await emitSpec(fixtureModel(), { tests: "node" });
  expect(result.diagnostics).toEqual([]);
  files = result.files;
  dir = await writeProject([...files, TRANSPORTS_MODULE]);
});

describe("emitSpec output (node:test)", () => {
  it("writes node:test files, not vitest ones", () => {
    const tests = files.filter((f) => f.path.startsWith("test/"));
    expect(tests).toHaveLength(4);
    for (const t of tests) {
      expect(t.content).toContain('from "node:test"');
      expect(t.content).not.toContain("vitest");
    }
  });

  it("compiles under ts-morph's TypeScript", async () => {
    expect(await tsMorphErrors(dir)).toEqual([]);
  });

  it("compiles with tsc 7 and the compiled tests pass under node --test", async () => {
    const compiled = runTsc(dir, true);
    expect(compiled.output).toBe("");
    expect(compiled.status).toBe(0);
    const testDir = path.join(dir, "dist", "test");
    const testFiles = (await readdir(testDir)).filter((f) => f.endsWith(".test.js")).map((f) => path.join(testDir, f));
    expect(testFiles).toHaveLength(4);
    const result = runNodeTest(dir, testFiles);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/# pass 27\b/);
    expect(result.output).toMatch(/# fail 0\b/);
    expect(result.output).toMatch(/# todo 16\b/);
  });
});
