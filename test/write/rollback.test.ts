import { chmod, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyPlan, planWrite, type ApplyStep } from "../../src/write/index.js";
import type { GeneratedFile } from "../../src/write/types.js";
import { sampleOutput, ts } from "./helpers/files.js";
import { snapshotTree, tempDir } from "./helpers/tree.js";

/**
 * An output folder after a first run, and a second output that exercises every kind of step:
 * an update, a creation in a new folder, a deletion that empties a folder, and a manifest change.
 */
async function preparedFolder(): Promise<{ root: string; out: string; next: GeneratedFile[] }> {
  const root = await tempDir();
  const out = join(root, "out", "asyncio");
  const first = await applyPlan(await planWrite(out, sampleOutput()));
  expect(first.ok).toBe(true);
  const next = sampleOutput()
    .filter((f) => f.path !== "test/Protocol.test.ts")
    .map((f) => (f.path === "src/Protocol.ts" ? ts(f.path, "export abstract class Protocol { v = 2; }\n") : f));
  next.push(ts("src/Transport.ts", "export class Transport {}\n"), ts("lib/extra/Extra.ts", "export {};\n"));
  return { root, out, next };
}

/** Runs the write with `inject` as fault injector; the folder must end exactly as it began. */
async function expectRolledBack(inject: (step: ApplyStep, out: string) => void | Promise<void>, prepare?: (out: string) => Promise<void>) {
  const { root, out, next } = await preparedFolder();
  await prepare?.(out);
  const before = await snapshotTree(root);
  const plan = await planWrite(out, next);
  expect(plan.diagnostics).toEqual([]);
  const result = await applyPlan(plan, { faultInjector: (step) => inject(step, out) });
  expect(result.ok).toBe(false);
  expect(result.diagnostics.map((d) => d.code)).toEqual(["PSK5006"]);
  expect(result.diagnostics[0]!.message).toContain("rolled back");
  // The whole tree, staging area included, is byte for byte as before.
  expect(await snapshotTree(root)).toEqual(before);
  return result;
}

describe("applyPlan is all-or-nothing", () => {
  it("rolls back when an exception is injected between any two steps", async () => {
    // First learn every step of a successful run, then fail at each one in turn.
    const { out, next } = await preparedFolder();
    const steps: ApplyStep[] = [];
    const dry = await applyPlan(await planWrite(out, next), { faultInjector: (s) => void steps.push(s) });
    expect(dry.ok).toBe(true);
    const kinds = new Set(steps.map((s) => s.kind));
    for (const kind of ["mkdir", "stage", "replace", "create", "delete", "rmdir", "manifest"] as const) expect(kinds).toContain(kind);
    for (let failAt = 0; failAt < steps.length; failAt++) {
      let seen = 0;
      await expectRolledBack(() => {
        if (seen++ === failAt) throw new Error(`injected fault at step ${failAt}`);
      });
    }
  });

  it("rolls back when a target file is read-only", async () => {
    // Protocol.ts is replaced after other files have already been placed (sorted order: lib/, src/P…, src/T…).
    const result = await expectRolledBack(
      () => undefined,
      async (out) => {
        await chmod(join(out, "src/Protocol.ts"), 0o444);
      },
    );
    expect(result.diagnostics[0]!.message).toContain("read-only");
  });

  it("rolls back when a directory it created vanishes before a file is moved in", async () => {
    await expectRolledBack(async (step, out) => {
      if (step.kind === "create" && step.path === "lib/extra/Extra.ts") await rm(join(out, "lib"), { recursive: true });
    });
  });

  it("rolls back when the staging directory vanishes part-way", async () => {
    await expectRolledBack(async (step, out) => {
      if (step.kind === "create" && step.path === "src/Transport.ts") {
        const parent = dirname(out);
        for (const name of await readdir(parent)) {
          if (name.startsWith(".protoskel-stage-")) await rm(join(parent, name, "new"), { recursive: true });
        }
      }
    });
  });

  it("does not destroy an edit made between planning and writing", async () => {
    const { root, out, next } = await preparedFolder();
    const plan = await planWrite(out, next);
    await writeFile(join(out, "src/Protocol.ts"), "// edited meanwhile\n");
    const before = await snapshotTree(root);
    const result = await applyPlan(plan);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message).join()).toContain("changed while writing");
    expect(await snapshotTree(root)).toEqual(before);
  });
});
