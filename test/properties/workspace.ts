/**
 * Temporary workspaces for the generate-based properties: a root folder per test file, a
 * folder per generated case (spec file + output folder), and whole-tree snapshots.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate, check } from "../../src/index.js";
import type { GenerateResult } from "../../src/index.js";

/** A fresh temporary directory; call `removeRoot` when done. */
export async function makeRoot(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `protoskel-prop-${prefix}-`));
}

/** Removes a workspace root. */
export async function removeRoot(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** One case: `dir/spec.yaml` and the output folder `dir/out`. */
export interface Case {
  readonly dir: string;
  readonly specPath: string;
  readonly outDir: string;
}

let counter = 0;

/** Writes `text` as the spec of a new case folder under `root`. */
export async function newCase(root: string, text: string): Promise<Case> {
  const dir = join(root, `case-${String(counter++).padStart(4, "0")}`);
  await mkdir(dir, { recursive: true });
  const specPath = join(dir, "spec.yaml");
  await writeFile(specPath, text);
  return { dir, specPath, outDir: join(dir, "out") };
}

/** Runs `generate` for the case (no format cache, so every run does the full work). */
export function generateCase(c: Case, outDir = c.outDir): Promise<GenerateResult> {
  return generate({ specs: ["spec.yaml"], cwd: c.dir, outDir, cache: false });
}

/** Runs `check` for the case. */
export function checkCase(c: Case): Promise<GenerateResult> {
  return check({ specs: ["spec.yaml"], cwd: c.dir, outDir: c.outDir, cache: false });
}

/** Error diagnostics of a result, one line each, for assertion messages. */
export function errorsOf(result: GenerateResult): string[] {
  return result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.location?.line ?? "-"}:${d.location?.column ?? "-"} ${d.message}`);
}

/** Every entry under `root` (relative POSIX path) → kind, and for files their bytes (base64); links by target. */
export async function snapshotTree(root: string, options: { mtimes?: boolean } = {}): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string) => {
    for (const name of (await readdir(join(root, rel))).sort()) {
      const childRel = rel ? `${rel}/${name}` : name;
      const full = join(root, childRel);
      const stats = await lstat(full);
      const mtime = options.mtimes ? ` @${stats.mtimeMs}` : "";
      if (stats.isSymbolicLink()) out[childRel] = `link -> ${await readlink(full)}`;
      else if (stats.isDirectory()) {
        out[childRel] = `dir${mtime}`;
        await walk(childRel);
      } else out[childRel] = `file ${(stats.mode & 0o777).toString(8)}${mtime} ${(await readFile(full)).toString("base64")}`;
    }
  };
  await walk("");
  return out;
}

/** Relative paths of the regular files under `root`, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  return Object.entries(await snapshotTree(root))
    .filter(([, v]) => v.startsWith("file"))
    .map(([k]) => k);
}
