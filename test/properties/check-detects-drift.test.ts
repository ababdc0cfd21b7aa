/**
 * `check` sees every departure from generated output: any single-byte change to any
 * generated file, a deleted generated file and an extra file in src/ are each reported as
 * drift naming that file, and nothing else is.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validSpec } from "../helpers/spec-arbitrary.js";
import { checkCase, errorsOf, generateCase, listFiles, makeRoot, newCase, removeRoot } from "./workspace.js";

/** Runs of the property; each run generates once and checks four times. */
export const CHECK_RUNS = 10;

/** The manifest is bookkeeping that `check` does not report, so it is not a target. */
const MANIFEST = ".protoskel-manifest.json";

/** The drift entries of a check result, as `kind path`. */
async function driftOf(c: Parameters<typeof checkCase>[0]): Promise<{ drift: boolean; entries: string[] }> {
  const result = await checkCase(c);
  expect(errorsOf(result)).toEqual([]);
  return { drift: result.drift, entries: result.outcomes.flatMap((o) => (o.drift ?? []).map((d) => `${d.kind} ${d.path}`)) };
}

describe("check detects drift", () => {
  let root: string;
  beforeAll(async () => {
    root = await makeRoot("check");
  });
  afterAll(async () => {
    await removeRoot(root);
  });

  it("reports any single-byte change, a deleted file and an extra file in src/, each by name", async () => {
    const input = fc.record({
      spec: validSpec(),
      fileSeed: fc.nat(),
      offsetSeed: fc.nat(),
      xor: fc.integer({ min: 1, max: 255 }),
      deleteSeed: fc.nat(),
      extraName: fc.constantFrom("extra.ts", "Zz.ts", "notes.md", ".hidden.ts", "a b.ts"),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ spec, fileSeed, offsetSeed, xor, deleteSeed, extraName }) => {
        const c = await newCase(root, spec.text);
        expect(errorsOf(await generateCase(c)), spec.text).toEqual([]);
        const dir = join(c.outDir, spec.object.name);
        const files = (await listFiles(dir)).filter((f) => f !== MANIFEST);
        expect(files.length).toBeGreaterThan(0);
        expect(await driftOf(c)).toEqual({ drift: false, entries: [] });

        // One byte of one file.
        const target = files[fileSeed % files.length]!;
        const original = await readFile(join(dir, target));
        const changed = Buffer.from(original);
        const offset = offsetSeed % changed.length;
        changed[offset] = changed[offset]! ^ xor;
        await writeFile(join(dir, target), changed);
        expect(await driftOf(c), `byte ${offset} of ${target}`).toEqual({ drift: true, entries: [`stale ${target}`] });
        await writeFile(join(dir, target), original);

        // A deleted file.
        const victim = files[deleteSeed % files.length]!;
        const kept = await readFile(join(dir, victim));
        await rm(join(dir, victim));
        expect(await driftOf(c)).toEqual({ drift: true, entries: [`missing ${victim}`] });
        await writeFile(join(dir, victim), kept);

        // An extra file in src/.
        await writeFile(join(dir, "src", extraName), "export {};\n");
        expect(await driftOf(c)).toEqual({ drift: true, entries: [`extra src/${extraName}`] });
      }),
      { numRuns: CHECK_RUNS },
    );
  });
});
