import { lstatSync, readFileSync, readdirSync, type Stats } from "node:fs";
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
export type DirCache = Map<string, Stats | undefined>;

/**
 * Looks at `relPath` (a safe POSIX path) under `root`, one segment at a time with `lstat`,
 * so that a symbolic link anywhere below `root`, pointing wherever, is reported instead of followed.
 * Synchronous on purpose: for the many small files of an output folder, sync calls measured
 * several times faster than `fs/promises` (no thread-pool round trip per call).
 */
export function inspectPath(root: string, relPath: string, dirs: DirCache): DiskEntry {
  const segments = relPath.split("/");
  for (let i = 1; i < segments.length; i++) {
    const dir = segments.slice(0, i).join("/");
    if (!dirs.has(dir)) dirs.set(dir, lstatOrUndefined(join(root, ...segments.slice(0, i))));
    const stats = dirs.get(dir);
    if (stats === undefined) return { kind: "missing" };
    if (stats.isSymbolicLink()) return { kind: "symlink", at: dir };
    if (!stats.isDirectory()) return { kind: "obstacle", at: dir, what: "a file where a directory is needed" };
  }
  const target = join(root, ...segments);
  const stats = lstatOrUndefined(target);
  if (stats === undefined) return { kind: "missing" };
  if (stats.isSymbolicLink()) return { kind: "symlink", at: relPath };
  if (stats.isDirectory()) return { kind: "obstacle", at: relPath, what: "a directory" };
  if (!stats.isFile()) return { kind: "obstacle", at: relPath, what: "a special file" };
  return { kind: "file", bytes: readFileSync(target), stats };
}

/** `lstat`, with "not there" (also: a parent is not a directory) as undefined. */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
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
export function listFiles(root: string, dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, ...rel.split("/")), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  const top = lstatOrUndefined(join(root, dir));
  if (top?.isDirectory()) walk(dir);
  return found.sort();
}
