import { chmod, mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/index.js";
import { lstatOrUndefined, mapLimited } from "./disk.js";
import { sha256 } from "./hash.js";
import { MANIFEST_NAME } from "./paths.js";
import type { PlannedFile, WritePlan } from "./plan.js";

/** One step of {@link applyPlan}, as shown to a fault injector. */
export interface ApplyStep {
  readonly kind: "mkdir" | "stage" | "replace" | "create" | "delete" | "rmdir" | "manifest";
  /** The path the step is about, relative to the output folder (`.` for the folder itself). */
  readonly path: string;
}

/** Options of {@link applyPlan}. */
export interface ApplyOptions {
  /**
   * Test hook: called before every step; whatever it throws fails the write at that point
   * (and it may also change the disk, e.g. remove a directory) so tests can prove rollback.
   */
  readonly faultInjector?: (step: ApplyStep) => void | Promise<void>;
}

/** What a successful write did, each list sorted by path. */
export interface WriteSummary {
  readonly created: string[];
  readonly updated: string[];
  readonly deleted: string[];
  readonly unchanged: string[];
  readonly manifestWritten: boolean;
}

/** The outcome of {@link applyPlan}: a summary, or the diagnostics of a write that changed nothing. */
export type ApplyResult =
  | { readonly ok: true; readonly summary: WriteSummary; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

type Undo = () => Promise<void>;

/** How many staged files are written at once. */
const STAGE_CONCURRENCY = 16;
/** How many files are moved into place at once. */
const PLACE_CONCURRENCY = 16;

/**
 * Carries out a plan all-or-nothing. New contents are first written to a staging folder next
 * to the output folder (same disk, so moves are atomic renames); each file being replaced or
 * deleted is moved aside before its slot is touched; the manifest goes last. If any step
 * fails, every step already done is undone in reverse order, so the output folder is as it
 * was, byte for byte, and the result is PSK5006. Never throws. A plan with errors writes nothing.
 */
export async function applyPlan(plan: WritePlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  if (hasErrors(plan.diagnostics)) return { ok: false, diagnostics: plan.diagnostics };
  const summary = summarize(plan);
  const changes = plan.files.filter((f) => f.action !== "unchanged");
  if (changes.length === 0 && !plan.manifestChanged) return { ok: true, summary, diagnostics: plan.diagnostics };

  const undo: Undo[] = [];
  let staging: string | undefined;
  let current: ApplyStep = { kind: "mkdir", path: "." };
  const step = async (next: ApplyStep) => {
    current = next;
    await options.faultInjector?.(next);
  };
  try {
    await ensureDirectory(plan.outDir, ".", step, undo);
    const stagingDir = await mkdtemp(join(dirname(plan.outDir), ".protoskel-stage-"));
    staging = stagingDir;
    const staged = await stageContents(plan, changes, stagingDir, step);
    // Directories first, one by one (two files must not race to create the same one); then the
    // files, several at once: each file's move and its undo are independent of the others'.
    const newDirs = [...new Set(changes.filter((f) => f.action === "create").map((f) => parentOf(f.path)))].sort();
    for (const dir of newDirs) if (dir !== ".") await ensureDirectory(plan.outDir, dir, step, undo);
    await mapLimited([...changes.entries()], PLACE_CONCURRENCY, ([i, file]) =>
      placeFile(plan.outDir, file, staged, i, stagingDir, step, undo).catch((error: unknown) => {
        throw new FailedAt(file.path, error);
      }),
    );
    await removeEmptiedDirectories(plan.outDir, changes, step, undo);
    if (plan.manifestChanged) await placeManifest(plan, staged, stagingDir, step, undo);
  } catch (error) {
    const failures = await rollBack(undo);
    // Keep the staging folder when rollback failed: it holds the only copy of the moved-aside files.
    if (staging !== undefined && failures.length === 0) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    const path = error instanceof FailedAt ? error.path : current.path;
    const where = path === "." ? "the output folder" : `'${path}'`;
    if (error instanceof FailedAt) error = error.cause;
    const message =
      failures.length === 0
        ? `writing ${where} failed (${describe(error)}); every change was rolled back`
        : `writing ${where} failed (${describe(error)}) and rolling back failed too (${failures.join("; ")}); the replaced files are kept in '${staging ?? "(none)"}'`;
    return { ok: false, diagnostics: [...plan.diagnostics, diagnostic("PSK5006", message)] };
  }
  await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  return { ok: true, summary, diagnostics: plan.diagnostics };
}

/** Names the file whose step failed, since several files are moved at once. */
class FailedAt extends Error {
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(`failed at ${path}`);
  }
}

function summarize(plan: WritePlan): WriteSummary {
  const paths = (action: PlannedFile["action"]) => plan.files.filter((f) => f.action === action).map((f) => f.path);
  return {
    created: paths("create"),
    updated: paths("update"),
    deleted: paths("delete"),
    unchanged: paths("unchanged"),
    manifestWritten: plan.manifestChanged,
  };
}

type Step = (next: ApplyStep) => Promise<void>;

/** Staged copies: `new/<i>` for the i-th change, `new/manifest` for the manifest. */
async function stageContents(plan: WritePlan, changes: readonly PlannedFile[], staging: string, step: Step) {
  const newDir = join(staging, "new");
  await mkdir(newDir);
  await mkdir(join(staging, "old"));
  // Staging touches nothing the user can see, so it runs many writes at once (the slow part of a first run).
  await mapLimited([...changes.entries()], STAGE_CONCURRENCY, async ([i, file]) => {
    if (file.content === undefined) return;
    await step({ kind: "stage", path: file.path });
    await writeFile(join(newDir, String(i)), file.content);
  });
  if (plan.manifestChanged) await writeFile(join(newDir, "manifest"), plan.manifestText);
  return newDir;
}

async function placeFile(
  outDir: string,
  file: PlannedFile,
  stagedDir: string,
  index: number,
  staging: string,
  step: Step,
  undo: Undo[],
): Promise<void> {
  const target = join(outDir, ...file.path.split("/"));
  const staged = join(stagedDir, String(index));
  const backup = join(staging, "old", String(index));
  if (file.action === "create") {
    await step({ kind: "create", path: file.path });
    // The plan saw nothing here; something that appeared since must not be clobbered by rename.
    if ((await lstatOrUndefined(target)) !== undefined) throw new Error(`'${file.path}' appeared while writing`);
    await rename(staged, target);
    undo.push(() => ignoreMissing(unlink(target)));
    return;
  }
  await step({ kind: file.action === "update" ? "replace" : "delete", path: file.path });
  const stats = await lstatOrUndefined(target);
  if (stats === undefined || !stats.isFile()) throw new Error(`'${file.path}' changed while writing`);
  // A read-only file is the user saying "do not change this"; rename would ignore that silently.
  if ((stats.mode & 0o200) === 0) throw new Error(`'${file.path}' is read-only`);
  // Edited since the plan was made (by the user, an editor, another run): do not destroy that edit.
  if (file.currentSha256 !== undefined && sha256(await readFile(target)) !== file.currentSha256) {
    throw new Error(`'${file.path}' changed while writing`);
  }
  if (file.action === "update") await chmod(staged, stats.mode & 0o7777);
  await rename(target, backup);
  undo.push(() => rename(backup, target));
  if (file.action === "update") await rename(staged, target);
}

/** Creates `rel` (a directory path under `outDir`, `.` for the folder itself) and its missing parents. */
async function ensureDirectory(outDir: string, rel: string, step: Step, undo: Undo[]): Promise<void> {
  const chain: string[] = [];
  // Directories above the output folder may be missing too (first run into a new OUT).
  let dir = rel === "." ? outDir : join(outDir, ...rel.split("/"));
  while ((await lstatOrUndefined(dir)) === undefined) {
    chain.unshift(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const existing = await lstatOrUndefined(dir);
  if (existing !== undefined && !existing.isDirectory()) throw new Error(`'${dir}' is not a directory`);
  for (const missing of chain) {
    await step({ kind: "mkdir", path: rel });
    await mkdir(missing);
    undo.push(() => ignoreMissing(rmdir(missing)));
  }
}

/** Removes directories that deletions left empty (deepest first), remembering how to bring them back. */
async function removeEmptiedDirectories(outDir: string, changes: readonly PlannedFile[], step: Step, undo: Undo[]): Promise<void> {
  const candidates = new Set<string>();
  for (const file of changes) {
    if (file.action !== "delete") continue;
    for (let dir = parentOf(file.path); dir !== "."; dir = parentOf(dir)) candidates.add(dir);
  }
  const deepestFirst = [...candidates].sort((a, b) => b.split("/").length - a.split("/").length || (a < b ? -1 : 1));
  for (const rel of deepestFirst) {
    const dir = join(outDir, ...rel.split("/"));
    const stats = await lstatOrUndefined(dir);
    if (!stats?.isDirectory() || (await readdir(dir)).length > 0) continue;
    await step({ kind: "rmdir", path: rel });
    await rmdir(dir);
    undo.push(() => mkdir(dir, { mode: stats.mode & 0o7777 }).then(() => undefined));
  }
}

async function placeManifest(plan: WritePlan, stagedDir: string, staging: string, step: Step, undo: Undo[]): Promise<void> {
  await step({ kind: "manifest", path: MANIFEST_NAME });
  const target = join(plan.outDir, MANIFEST_NAME);
  const backup = join(staging, "old", "manifest");
  const stats = await lstatOrUndefined(target);
  if (stats !== undefined) {
    if (!stats.isFile()) throw new Error(`'${MANIFEST_NAME}' is not a regular file`);
    await rename(target, backup);
    undo.push(() => rename(backup, target));
  } else {
    undo.push(() => ignoreMissing(unlink(target)));
  }
  await rename(join(stagedDir, "manifest"), target);
}

/** Runs the undo steps newest first; returns what could not be undone. */
async function rollBack(undo: Undo[]): Promise<string[]> {
  const failures: string[] = [];
  for (const action of [...undo].reverse()) {
    try {
      await action();
    } catch (error) {
      failures.push(describe(error));
    }
  }
  return failures;
}

/** For undoing a creation: if what was created is already gone, it is undone. */
async function ignoreMissing(action: Promise<void>): Promise<void> {
  try {
    await action;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "." : path.slice(0, slash);
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code && e.message ? e.message : String(error instanceof Error ? error.message : error);
}
