import type { Stats } from "node:fs";
import { lstat, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

/** What is at an output path now, found without following any symbolic link. */
export type DiskEntry =
  | { readonly kind: "missing" }
  | { readonly kind: "file"; readonly bytes: Buffer; readonly stats: Stats }
  /** A symbolic link on the way or at the place itself: protoskel never writes through one. */
  | { readonly kind: "symlink"; readonly at: string }
  /** Something other than a regular file is there, or a non-directory is where a directory must be. */
  | { readonly kind: "obstacle"; readonly at: string; readonly what: string };

/** Memoised `lstat` of the directories under one output folder, shared by all lookups of a plan. */
export type DirCache = Map<string, Promise<Stats | undefined>>;

/**
 * Looks at `relPath` (a safe POSIX path) under `root`, one segment at a time with `lstat`,
 * so that a symbolic link anywhere below `root`, pointing wherever, is reported instead of followed.
 */
export async function inspectPath(root: string, relPath: string, dirs: DirCache): Promise<DiskEntry> {
  const segments = relPath.split("/");
  for (let i = 1; i < segments.length; i++) {
    const dir = segments.slice(0, i).join("/");
    let pending = dirs.get(dir);
    if (pending === undefined) {
      pending = lstatOrUndefined(join(root, ...segments.slice(0, i)));
      dirs.set(dir, pending);
    }
    const stats = await pending;
    if (stats === undefined) return { kind: "missing" };
    if (stats.isSymbolicLink()) return { kind: "symlink", at: dir };
    if (!stats.isDirectory()) return { kind: "obstacle", at: dir, what: "a file where a directory is needed" };
  }
  const target = join(root, ...segments);
  const stats = await lstatOrUndefined(target);
  if (stats === undefined) return { kind: "missing" };
  if (stats.isSymbolicLink()) return { kind: "symlink", at: relPath };
  if (stats.isDirectory()) return { kind: "obstacle", at: relPath, what: "a directory" };
  if (!stats.isFile()) return { kind: "obstacle", at: relPath, what: "a special file" };
  return { kind: "file", bytes: await readFile(target), stats };
}

/** `lstat`, with "not there" (also: a parent is not a directory) as undefined. */
export async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

/**
 * Every file (and symbolic link, not followed) below `root/dir`, as POSIX paths relative to
 * `root`, sorted. A missing or unreadable directory simply has no files.
 */
export async function listFiles(root: string, dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (rel: string) => {
    let entries;
    try {
      entries = await readdir(join(root, ...rel.split("/")), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else found.push(child);
    }
  };
  const top = await lstatOrUndefined(join(root, dir));
  if (top?.isDirectory()) await walk(dir);
  return found.sort();
}

/**
 * Runs `task` over `items` with at most `limit` at once, keeping results in item order. After
 * a failure no new task starts, and it rejects only once every running task has settled, so
 * that nothing is still writing when the caller starts cleaning up.
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        results[i] = await task(items[i]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
  return results;
}
