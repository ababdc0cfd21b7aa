import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/index.js";
import { lstatOrUndefined } from "./disk.js";
import type { WritePlan } from "./plan.js";

/**
 * How a file differs from what `generate` would write: `stale` (content differs),
 * `missing` (should exist, does not), `extra` (exists in a generated folder, should not).
 */
export type DriftKind = "stale" | "missing" | "extra";

/** One drifted file and its unified diff, from what is on disk (`a/…`) to what generate would write (`b/…`). */
export interface DriftEntry {
  readonly path: string;
  readonly kind: DriftKind;
  /** Unified diff; `/dev/null` stands for the side where the file does not exist. */
  readonly diff: string;
}

/** The drift report of an output folder. The CLI prints it and picks the exit code. */
export interface CheckResult {
  /** True when there is no drift at all. */
  readonly upToDate: boolean;
  /** Every drifted file, sorted by path. */
  readonly drift: readonly DriftEntry[];
  /** The plan's diagnostics (e.g. unsafe paths, hand-edited files), passed through. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Files larger than this, or with a NUL byte, get no line diff (it would be useless and huge). */
const MAX_DIFF_BYTES = 1024 * 1024;

/**
 * Turns a plan into a drift report without writing anything: each file `generate` would
 * create, update or delete, and each unknown file inside a generated folder, with a diff.
 * The manifest itself is bookkeeping, not output, and is not reported.
 */
export async function checkPlan(plan: WritePlan): Promise<CheckResult> {
  const drift: DriftEntry[] = [];
  const hasDrift = plan.unknownFiles.length > 0 || plan.files.some((f) => f.action !== "unchanged");
  // The diff library is loaded only when there is something to diff (the usual check has none).
  const patch = hasDrift ? patcher((await import("diff")).createTwoFilesPatch) : undefined;
  if (patch === undefined) return { upToDate: true, drift, diagnostics: plan.diagnostics };
  for (const file of plan.files) {
    if (file.action === "update") drift.push({ path: file.path, kind: "stale", diff: patch(file.path, file.current ?? "", file.content ?? "") });
    if (file.action === "create") drift.push({ path: file.path, kind: "missing", diff: patch(file.path, undefined, file.content ?? "") });
    if (file.action === "delete") drift.push({ path: file.path, kind: "extra", diff: patch(file.path, file.current ?? "", undefined) });
  }
  for (const path of plan.unknownFiles) {
    drift.push({ path, kind: "extra", diff: patch(path, await readForDiff(plan.outDir, path), undefined) });
  }
  drift.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { upToDate: drift.length === 0, drift, diagnostics: plan.diagnostics };
}

type TwoFilesPatch = typeof import("diff").createTwoFilesPatch;

/** Makes the function that gives the diff text, or a one-line note for content that is not diffable text. */
function patcher(createTwoFilesPatch: TwoFilesPatch) {
  return (path: string, before: string | Unreadable | undefined, after: string | undefined): string => {
    const oldName = before === undefined ? "/dev/null" : `a/${path}`;
    const newName = after === undefined ? "/dev/null" : `b/${path}`;
    if (typeof before === "object") return `--- ${oldName}\n+++ ${newName}\n${before.note}\n`;
    const text = createTwoFilesPatch(oldName, newName, before ?? "", after ?? "");
    // jsdiff starts with a "====" rule that git-style diffs do not have.
    return text.replace(/^=+\n/, "");
  };
}

interface Unreadable {
  readonly note: string;
}

async function readForDiff(outDir: string, path: string): Promise<string | Unreadable> {
  const file = join(outDir, ...path.split("/"));
  const stats = lstatOrUndefined(file);
  if (stats === undefined) return { note: "(file vanished while checking)" };
  if (stats.isSymbolicLink()) return { note: "(symbolic link; not followed)" };
  if (!stats.isFile()) return { note: "(not a regular file)" };
  if (stats.size > MAX_DIFF_BYTES) return { note: `(${stats.size} bytes; too large to diff)` };
  try {
    const bytes = await readFile(file);
    return bytes.includes(0) ? { note: "(binary file)" } : bytes.toString("utf8");
  } catch (error) {
    return { note: `(cannot read: ${(error as Error).message})` };
  }
}
