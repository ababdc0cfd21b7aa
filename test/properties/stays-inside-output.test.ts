/**
 * No path outside the output folder is ever touched. Each run gets a fresh workspace with
 * the spec, the output folder and bystanders next to it (a file, a folder, and the targets
 * a path-like name would reach); after generate, everything but the output folder is
 * byte-for-byte and mtime-for-mtime as before. Specs with path-like names are refused with
 * a diagnostic and write nothing at all; symlinks planted in the output folder are not followed.
 */
import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pathLikeSpec, validSpec } from "../helpers/spec-arbitrary.js";
import { errorsOf, generateCase, makeRoot, newCase, removeRoot, snapshotTree, type Case } from "./workspace.js";

/** Runs per property: valid specs write (slower); path-like specs stop at validation (fast). */
export const CONTAINMENT_RUNS = { validSpecs: 15, pathLikeNames: 40 } as const;

/** A case folder with bystanders around the output folder; returns the case. */
async function workspace(root: string, text: string): Promise<Case> {
  const c = await newCase(root, text);
  await writeFile(join(c.dir, "bystander.txt"), "do not touch\n");
  await mkdir(join(c.dir, "x", "src"), { recursive: true });
  await writeFile(join(c.dir, "x", "src", "keep.ts"), "export const keep = 1;\n");
  await mkdir(join(c.dir, "etc"), { recursive: true });
  await writeFile(join(c.dir, "etc", "passwd"), "root:x:0:0\n");
  return c;
}

/** Everything in the case folder except the output folder. */
async function outside(c: Case): Promise<Record<string, string>> {
  const all = await snapshotTree(c.dir, { mtimes: true });
  return Object.fromEntries(Object.entries(all).filter(([path]) => path !== "out" && !path.startsWith("out/")));
}

describe("generate never touches a path outside the output folder", () => {
  let root: string;
  beforeAll(async () => {
    root = await makeRoot("contain");
  });
  afterAll(async () => {
    await removeRoot(root);
  });

  it("valid specs write only under OUT/NAME/, also with symlinks to outside planted in it", async () => {
    const plant = fc.constantFrom("none", "src-link", "file-link", "name-link");
    await fc.assert(
      fc.asyncProperty(validSpec(), plant, async (spec, planted) => {
        const c = await workspace(root, spec.text);
        const dir = join(c.outDir, spec.object.name);
        // A link the user (or an attacker) left in the output folder, pointing at a bystander.
        if (planted === "name-link") {
          await mkdir(c.outDir, { recursive: true });
          await symlink(join(c.dir, "x"), dir, "dir");
        }
        if (planted !== "none" && planted !== "name-link") await mkdir(dir, { recursive: true });
        if (planted === "src-link") await symlink(join(c.dir, "x", "src"), join(dir, "src"), "dir");
        if (planted === "file-link") {
          await mkdir(join(dir, "docs"), { recursive: true });
          await symlink(join(c.dir, "bystander.txt"), join(dir, "docs", "README.md"));
        }
        const before = await outside(c);
        const result = await generateCase(c);
        expect(await outside(c), `${planted}: ${errorsOf(result).join("\n")}`).toEqual(before);
        if (planted === "none") {
          expect(errorsOf(result), spec.text).toEqual([]);
          // No staging leftovers: the output folder holds the spec's folder only.
          expect(await readdir(c.outDir)).toEqual([spec.object.name]);
        }
      }),
      { numRuns: CONTAINMENT_RUNS.validSpecs },
    );
  });

  it("path-like spec, family and callback names are diagnostics, not writes", async () => {
    await fc.assert(
      fc.asyncProperty(pathLikeSpec(), async (spec) => {
        const c = await workspace(root, spec.text);
        const before = await outside(c);
        const result = await generateCase(c);
        expect(errorsOf(result).length, `${spec.replaced}\n${spec.text}`).toBeGreaterThan(0);
        expect(result.outcomes).toEqual([]);
        expect(await outside(c)).toEqual(before);
        expect(await readdir(c.dir)).not.toContain("out");
      }),
      { numRuns: CONTAINMENT_RUNS.pathLikeNames },
    );
  });

  it("a spec named like a Windows device is refused (PSK2015), not written", async () => {
    for (const name of ["con", "nul", "aux", "com1", "lpt9"]) {
      const c = await workspace(root, `protoskel: 1\nname: ${name}\nsummary: s\nfamilies:\n  Relay:\n    summary: r\n    callbacks:\n      ping: { doc: Ping. }\n`);
      const result = await generateCase(c);
      expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([["PSK2015", 2, 7]]);
      expect(await readdir(c.dir)).not.toContain("out");
    }
  });

  // Found by this suite: the writer once resolved OUT/NAME with realpath and wrote through it.
  it("does not follow OUT/NAME when it is a symlink to outside (PSK5003)", async () => {
    const c = await workspace(root, "protoskel: 1\nname: linked\nsummary: s\nfamilies:\n  Relay:\n    summary: r\n    callbacks:\n      ping: { doc: Ping. }\n");
    await mkdir(c.outDir, { recursive: true });
    await symlink(join(c.dir, "x"), join(c.outDir, "linked"), "dir");
    const before = await outside(c);
    const result = await generateCase(c);
    expect(result.diagnostics.map((d) => d.code)).toContain("PSK5003");
    expect(await outside(c)).toEqual(before);
  });
});
