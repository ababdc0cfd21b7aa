import { mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPlan, checkPlan, planWrite } from "../../src/write/index.js";
import { sampleOutput, ts } from "./helpers/files.js";
import { snapshotTree, tempDir } from "./helpers/tree.js";

async function freshOutput(): Promise<string> {
  const out = join(await tempDir(), "out");
  const result = await applyPlan(await planWrite(out, sampleOutput()));
  expect(result.ok).toBe(true);
  return out;
}

describe("checkPlan", () => {
  it("reports nothing on fresh output, and writes nothing", async () => {
    const out = await freshOutput();
    const before = await snapshotTree(out);
    const result = await checkPlan(await planWrite(out, sampleOutput()));
    expect(result).toMatchObject({ upToDate: true, drift: [] });
    expect(await snapshotTree(out)).toEqual(before);
  });

  it("detects a single-byte change, with a diff from disk to generated", async () => {
    const out = await freshOutput();
    await writeFile(join(out, "src/Protocol.ts"), "export abstract class Protocol {}\n".replace("{}", "{ }"));
    const result = await checkPlan(await planWrite(out, sampleOutput()));
    expect(result.upToDate).toBe(false);
    expect(result.drift).toEqual([{ path: "src/Protocol.ts", kind: "stale", diff: expect.any(String) }]);
    const diff = result.drift[0]!.diff;
    expect(diff).toMatch(/^--- a\/src\/Protocol\.ts\n\+\+\+ b\/src\/Protocol\.ts\n@@ /);
    expect(diff).toContain("-export abstract class Protocol { }\n+export abstract class Protocol {}\n");
  });

  it("detects a missing file", async () => {
    const out = await freshOutput();
    await rm(join(out, "docs/README.md"));
    const result = await checkPlan(await planWrite(out, sampleOutput()));
    expect(result.drift.map((d) => [d.path, d.kind])).toEqual([["docs/README.md", "missing"]]);
    expect(result.drift[0]!.diff).toMatch(/^--- \/dev\/null\n\+\+\+ b\/docs\/README\.md\n@@ -0,0 \+1(,1)? @@\n\+# Protocols\n/);
  });

  it("detects an extra file in a generated folder, and a generated file no longer generated", async () => {
    const out = await freshOutput();
    await writeFile(join(out, "src/stray.ts"), "stray\n");
    await mkdir(join(out, "test/deep"), { recursive: true });
    await writeFile(join(out, "test/deep/bin.dat"), Buffer.from([1, 0, 2]));
    await symlink("/etc/hostname", join(out, "docs/link.md"));
    // Not a generated folder: the user's business, not drift.
    await writeFile(join(out, "NOTES.md"), "mine\n");
    const result = await checkPlan(await planWrite(out, sampleOutput().filter((f) => f.path !== "src/index.ts")));
    expect(result.drift.map((d) => [d.path, d.kind])).toEqual([
      ["docs/link.md", "extra"],
      ["src/index.ts", "extra"],
      ["src/stray.ts", "extra"],
      ["test/deep/bin.dat", "extra"],
    ]);
    const byPath = new Map(result.drift.map((d) => [d.path, d.diff]));
    expect(byPath.get("src/stray.ts")).toMatch(/^--- a\/src\/stray\.ts\n\+\+\+ \/dev\/null\n@@ -1(,1)? \+0,0 @@\n-stray\n/);
    expect(byPath.get("src/index.ts")).toContain('-export * from "./Protocol.js";');
    expect(byPath.get("test/deep/bin.dat")).toContain("(binary file)");
    expect(byPath.get("docs/link.md")).toContain("not followed");
  });

  it("detects any single-byte change to any generated file (property)", async () => {
    const out = await freshOutput();
    const files = sampleOutput();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: files.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (fileIndex, offsetSeed, delta) => {
          const file = files[fileIndex]!;
          const target = join(out, file.path);
          const original = await readFile(target);
          const changed = Buffer.from(original);
          const offset = offsetSeed % changed.length;
          changed[offset] = (changed[offset]! + delta) % 256;
          await writeFile(target, changed);
          try {
            const result = await checkPlan(await planWrite(out, files));
            return result.drift.length === 1 && result.drift[0]!.path === file.path && result.drift[0]!.kind === "stale";
          } finally {
            await writeFile(target, original);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("passes plan errors through, e.g. an unsafe path", async () => {
    const out = await freshOutput();
    const result = await checkPlan(await planWrite(out, [...sampleOutput(), ts("../x.ts", "x\n")]));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PSK5003"]);
  });
});
