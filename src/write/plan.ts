import { realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import { inspectPath, listFiles, lstatOrUndefined, type DirCache, type DiskEntry } from "./disk.js";
import { sha256 } from "./hash.js";
import { readManifest, serializeManifest, type Manifest } from "./manifest.js";
import { checkOutputPaths, clashKey } from "./paths.js";
import type { GeneratedFile } from "./types.js";

/** What a write does to one path of the output folder. */
export type WriteAction = "create" | "update" | "unchanged" | "delete";

/** One path of a {@link WritePlan}. */
export interface PlannedFile {
  /** POSIX path relative to the output folder. */
  readonly path: string;
  readonly action: WriteAction;
  /** The bytes protoskel wants there (absent for `delete`). */
  readonly content?: string;
  /** What is there now, for diffs (only for `update` and `delete`). */
  readonly current?: string;
  /** SHA-256 of the bytes there now (absent for `create`): the write re-checks it, so a file edited meanwhile is not lost. */
  readonly currentSha256?: string;
  /** True when the file on disk is not what protoskel last wrote (it was edited by hand). */
  readonly handEdited: boolean;
}

/**
 * Everything a write would do, worked out without touching the disk: `--dry-run` prints it,
 * {@link applyPlan} carries it out, {@link checkPlan} turns it into a drift report.
 */
export interface WritePlan {
  /** Absolute, symlink-resolved path of the output folder `OUT/NAME`. */
  readonly outDir: string;
  /** Every output path and every path to delete, sorted by path. */
  readonly files: readonly PlannedFile[];
  /** The manifest after the write, and its exact bytes. */
  readonly manifest: Manifest;
  readonly manifestText: string;
  /** False when the manifest on disk already has exactly these bytes. */
  readonly manifestChanged: boolean;
  /**
   * Files inside the generated folders (the top-level folders that hold generated files,
   * such as `src/`) that protoskel neither writes nor ever wrote. Never touched; `check`
   * reports them as extra.
   */
  readonly unknownFiles: readonly string[];
  /** Errors mean the plan must not be applied; warnings (hand edits, manifest damage) do not. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Compares formatted `files` with what is in `outDir` and the manifest of the previous run.
 * Files protoskel did not generate are never planned for overwrite (PSK5004) or deletion;
 * unsafe or clashing paths (PSK5003, PSK5005) and symbolic links in the way (PSK5003) are
 * errors; a generated file edited by hand is replaced with a PSK5008 warning. Never throws.
 */
export async function planWrite(outDir: string, files: readonly GeneratedFile[]): Promise<WritePlan> {
  try {
    return await planUnsafe(outDir, files);
  } catch (error) {
    return {
      outDir: resolve(outDir),
      files: [],
      manifest: new Map(),
      manifestText: "",
      manifestChanged: false,
      unknownFiles: [],
      diagnostics: [diagnostic("PSK5006", `cannot inspect the output folder '${outDir}': ${String(error)}`)],
    };
  }
}

async function planUnsafe(outDirArg: string, files: readonly GeneratedFile[]): Promise<WritePlan> {
  const outDir = await resolveOutDir(outDirArg);
  const diagnostics: Diagnostic[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  diagnostics.push(...checkOutputPaths(files.map((f) => f.path)));
  for (const file of files) {
    if (file.content.includes("\r")) {
      diagnostics.push(diagnostic("PSK5006", `refusing to write '${file.path}': generated files must end lines with LF only, and it contains a carriage return`));
    }
  }
  const outStats = lstatOrUndefined(outDir);
  if (outStats?.isSymbolicLink()) {
    // Following it would write the whole tree wherever the link points.
    diagnostics.push(diagnostic("PSK5003", `the output folder '${outDirArg}' is a symbolic link; protoskel does not write through links`));
  } else if (outStats !== undefined && !outStats.isDirectory()) {
    diagnostics.push(diagnostic("PSK5004", `the output folder '${outDirArg}' exists and is not a directory`));
  }
  if (hasErrors(diagnostics)) return emptyPlan(outDir, diagnostics);

  const previous = await readManifest(outDir);
  diagnostics.push(...previous.diagnostics);
  const manifest = previous.manifest;
  const manifestByKey = new Map([...manifest.keys()].map((p) => [clashKey(p), p]));

  const dirs: DirCache = new Map();
  const newPaths = [...byPath.keys()].sort();
  const disk = newPaths.map((path) => inspectPath(outDir, path, dirs));

  const planned: PlannedFile[] = [];
  /** Manifest paths still in use: the same path, or one that differs only in case on a disk that ignores case. */
  const kept = new Set<string>();
  for (const [i, path] of newPaths.entries()) {
    const content = byPath.get(path)!.content;
    const entry = disk[i]!;
    const blocked = blockedDiagnostic(path, entry);
    if (blocked) {
      diagnostics.push(blocked);
      continue;
    }
    if (entry.kind === "missing") {
      planned.push({ path, action: "create", content, handEdited: false });
      continue;
    }
    if (entry.kind !== "file") continue;
    const previousPath = sameFileInManifest(outDir, path, entry, manifest, manifestByKey, dirs);
    if (previousPath !== undefined) kept.add(previousPath);
    if (entry.bytes.equals(Buffer.from(content, "utf8"))) {
      // Identical bytes are adopted even without a manifest entry: nothing of the user's is lost.
      planned.push({ path, action: "unchanged", content, handEdited: false });
    } else if (previousPath === undefined) {
      diagnostics.push(diagnostic("PSK5004", `'${path}' exists in the output folder and protoskel did not generate it`));
    } else {
      const currentSha256 = sha256(entry.bytes);
      const handEdited = currentSha256 !== manifest.get(previousPath);
      if (handEdited) diagnostics.push(handEditWarning(path, "replacing"));
      planned.push({ path, action: "update", content, current: entry.bytes.toString("utf8"), currentSha256, handEdited });
    }
  }

  const stale = [...manifest.keys()].filter((p) => !byPath.has(p) && !kept.has(p)).sort();
  const staleDisk = stale.map((path) => inspectPath(outDir, path, dirs));
  for (const [i, path] of stale.entries()) {
    const entry = staleDisk[i]!;
    // Only a regular file reached without links is deleted; anything else is no longer protoskel's.
    if (entry.kind !== "file") continue;
    const currentSha256 = sha256(entry.bytes);
    const handEdited = currentSha256 !== manifest.get(path);
    if (handEdited) diagnostics.push(handEditWarning(path, "removing"));
    planned.push({ path, action: "delete", current: entry.bytes.toString("utf8"), currentSha256, handEdited });
  }
  planned.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const nextManifest = new Map(newPaths.map((p) => [p, sha256(byPath.get(p)!.content)]));
  const manifestText = serializeManifest(nextManifest);
  const unknownFiles = findUnknownFiles(outDir, newPaths, manifest);
  return {
    outDir,
    files: planned,
    manifest: nextManifest,
    manifestText,
    manifestChanged: manifestText !== previous.text,
    unknownFiles,
    diagnostics,
  };
}

/**
 * The output folder with symbolic links ABOVE it resolved (the user chose that folder), so
 * staging lands on its disk. The folder itself is not resolved: if it is a link, the plan
 * refuses it rather than writing wherever it points.
 */
async function resolveOutDir(outDir: string): Promise<string> {
  const absolute = resolve(outDir);
  try {
    return join(await realpath(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

function emptyPlan(outDir: string, diagnostics: Diagnostic[]): WritePlan {
  return { outDir, files: [], manifest: new Map(), manifestText: "", manifestChanged: false, unknownFiles: [], diagnostics };
}

function blockedDiagnostic(path: string, entry: DiskEntry): Diagnostic | undefined {
  if (entry.kind === "symlink") {
    return diagnostic("PSK5003", `'${entry.at}' is a symbolic link; protoskel does not write through links (needed for '${path}')`);
  }
  if (entry.kind === "obstacle") {
    return diagnostic("PSK5004", `'${entry.at}' is ${entry.what}; protoskel needs to write '${path}' there`);
  }
  return undefined;
}

/**
 * The manifest path that this existing file was written under: the same path, or (on a
 * case-insensitive disk) a path differing only in case that is the very same file on disk.
 */
function sameFileInManifest(
  outDir: string,
  path: string,
  entry: Extract<DiskEntry, { kind: "file" }>,
  manifest: Manifest,
  manifestByKey: ReadonlyMap<string, string>,
  dirs: DirCache,
): string | undefined {
  if (manifest.has(path)) return path;
  const other = manifestByKey.get(clashKey(path));
  if (other === undefined) return undefined;
  const otherEntry = inspectPath(outDir, other, dirs);
  const same = otherEntry.kind === "file" && otherEntry.stats.ino === entry.stats.ino && otherEntry.stats.dev === entry.stats.dev;
  return same ? other : undefined;
}

function handEditWarning(path: string, doing: "replacing" | "removing"): Diagnostic {
  return diagnostic("PSK5008", `${doing} '${path}', which was edited by hand after protoskel generated it`, undefined, {
    severity: "warning",
  });
}

/** Files in the generated top-level folders that are neither in the new output nor in the manifest. */
function findUnknownFiles(outDir: string, newPaths: readonly string[], manifest: Manifest): string[] {
  const known = new Set([...newPaths, ...manifest.keys()]);
  const folders = new Set([...known].filter((p) => p.includes("/")).map((p) => p.slice(0, p.indexOf("/"))));
  const unknown: string[] = [];
  for (const folder of [...folders].sort()) {
    for (const file of listFiles(outDir, folder)) if (!known.has(file)) unknown.push(file);
  }
  return unknown;
}
