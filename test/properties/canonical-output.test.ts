/**
 * The user-level promise behind skipping Prettier: for any valid spec, a normal run (certified
 * files kept as rendered) writes exactly the bytes of a run that formats every file
 * (`alwaysFormat`), for both stub-test runners. The certifiers' own tests (test/emit/canonical-*)
 * prove the same file by file; this one checks the whole pipeline, writes included.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/api/load-model.js";
import { StageTimer } from "../../src/api/timing.js";
import { emitSpec } from "../../src/emit/index.js";
import { generate } from "../../src/index.js";
import { validSpec } from "../helpers/spec-arbitrary.js";
import { errorsOf, makeRoot, newCase, removeRoot, snapshotTree } from "./workspace.js";

describe("canonical output", () => {
  let root: string;
  beforeAll(async () => {
    root = await makeRoot("canonical");
  });
  afterAll(async () => {
    await removeRoot(root);
  });

  it("a run that skips Prettier for certified files writes the same bytes as one that formats everything", async () => {
    let certified = 0;
    await fc.assert(
      fc.asyncProperty(validSpec(), fc.constantFrom("vitest" as const, "node" as const), async (spec, tests) => {
        const c = await newCase(root, spec.text);
        const common = { specs: ["spec.yaml"], cwd: c.dir, cache: false, tests };
        const skipped = await generate({ ...common, outDir: `${c.dir}/fast` });
        expect(errorsOf(skipped), spec.text).toEqual([]);
        const formatted = await generate({ ...common, outDir: `${c.dir}/full`, alwaysFormat: true });
        expect(errorsOf(formatted), spec.text).toEqual([]);
        expect(await snapshotTree(`${c.dir}/fast`), spec.text).toEqual(await snapshotTree(`${c.dir}/full`));

        const { model } = await loadModel(c.specPath, "spec.yaml", new StageTimer());
        const emitted = await emitSpec(model!, { tests, checkSyntax: false });
        certified += emitted.files.filter((f) => f.canonical === true).length;
      }),
      { numRuns: 25 },
    );
    // The property is only worth something if the fast path was actually taken.
    expect(certified).toBeGreaterThan(0);
  });
});
