/**
 * Determinism and idempotence: the same spec gives the same bytes in two fresh folders (at
 * different absolute paths), and a second generate into the same folder writes nothing.
 */
import { setTimeout as sleep } from "node:timers/promises";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validSpec } from "../helpers/spec-arbitrary.js";
import { errorsOf, generateCase, makeRoot, newCase, removeRoot, snapshotTree } from "./workspace.js";

/** Runs per property; each run renders and formats a spec twice. */
export const DETERMINISM_RUNS = { identicalBytes: 15, secondRunWritesNothing: 15 } as const;

describe("determinism", () => {
  let root: string;
  beforeAll(async () => {
    root = await makeRoot("determinism");
  });
  afterAll(async () => {
    await removeRoot(root);
  });

  it("two runs in two fresh folders give identical bytes", async () => {
    await fc.assert(
      fc.asyncProperty(validSpec(), async (spec) => {
        // Two case folders: the same spec text at two absolute paths.
        const a = await newCase(root, spec.text);
        const b = await newCase(root, spec.text);
        expect(errorsOf(await generateCase(a)), spec.text).toEqual([]);
        expect(errorsOf(await generateCase(b)), spec.text).toEqual([]);
        const treeA = await snapshotTree(a.outDir);
        expect(Object.keys(treeA).length).toBeGreaterThan(0);
        expect(await snapshotTree(b.outDir)).toEqual(treeA);
      }),
      { numRuns: DETERMINISM_RUNS.identicalBytes },
    );
  });

  it("generating twice writes nothing the second time (summary and mtimes)", async () => {
    await fc.assert(
      fc.asyncProperty(validSpec(), async (spec) => {
        const c = await newCase(root, spec.text);
        const first = await generateCase(c);
        expect(errorsOf(first), spec.text).toEqual([]);
        expect(first.outcomes[0]!.summary!.created.length).toBeGreaterThan(0);
        const before = await snapshotTree(c.outDir, { mtimes: true });
        // Let the clock move on, so a rewrite of identical bytes would show in the mtimes.
        await sleep(15);
        const second = await generateCase(c);
        expect(errorsOf(second)).toEqual([]);
        const outcome = second.outcomes[0]!;
        expect(outcome.changes).toEqual([]);
        expect({ created: outcome.summary!.created, updated: outcome.summary!.updated, deleted: outcome.summary!.deleted }).toEqual({ created: [], updated: [], deleted: [] });
        expect(outcome.summary!.manifestWritten).toBe(false);
        expect(await snapshotTree(c.outDir, { mtimes: true })).toEqual(before);
      }),
      { numRuns: DETERMINISM_RUNS.secondRunWritesNothing },
    );
  });
});
