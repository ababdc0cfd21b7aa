import { lstat, mkdtemp, readdir, readFile, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

/**
 * A full picture of a directory tree: every entry (relative POSIX path) mapped to its kind
 * and, for files, its exact bytes (base64) and permission bits; links by their target.
 * Two equal snapshots mean the trees are byte-identical.
 */
export async function snapshotTree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string) => {
    const names = (await readdir(join(root, rel))).sort();
    for (const name of names) {
      const childRel = rel ? `${rel}/${name}` : name;
      const full = join(root, childRel);
      const stats = await lstat(full);
      if (stats.isSymbolicLink()) out[childRel] = `link -> ${await readlink(full)}`;
      else if (stats.isDirectory()) {
        out[childRel] = "dir";
        await walk(childRel);
      } else out[childRel] = `file ${(stats.mode & 0o777).toString(8)} ${(await readFile(full)).toString("base64")}`;
    }
  };
  await walk("");
  return out;
}

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the current test. */
export async function tempDir(prefix = "protoskel-write-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
