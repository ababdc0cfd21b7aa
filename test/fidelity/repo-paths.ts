/**
 * Where the fidelity suite finds things: the repository root (the folder holding
 * package.json), the reference text next to the checkout, and the generated example.
 */

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder at or above `from` that holds a package.json. */
export function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
  return dir;
}

/** The repository this test file lives in. */
export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** The asyncio reference text, kept outside the repository (next to the checkout). */
export const REFERENCE_PATH = join(REPO_ROOT, "..", "shared", "seeds", "asyncio-protocols.pydoc.txt");

/** The spec under test. */
export const SPEC_PATH = join(REPO_ROOT, "specs", "asyncio.yaml");

/** Repository-relative folder of the generated asyncio classes. */
export const GENERATED_SRC = "generated-examples/asyncio/src";

/**
 * True when git tracks any file under `relativePath`. Used so that generated output that
 * is committed but missing from the working tree fails the suite instead of skipping it.
 * Without git (an exported tarball, say) nothing counts as tracked.
 */
export function trackedInGit(relativePath: string): boolean {
  try {
    const listed = execFileSync("git", ["ls-files", "--", relativePath], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    return listed.trim() !== "";
  } catch {
    return false;
  }
}
