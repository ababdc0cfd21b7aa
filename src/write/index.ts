/**
 * The write stage: format generated files, compare them with the output folder, and write
 * them all-or-nothing, or report the drift (`check`).
 */
export type { GeneratedFile, OutputParser } from "./types.js";
export { formatFiles, type FormatFilesOptions, type FormatFilesResult, type FormatStats } from "./format.js";
export { openFormatCache, formatCacheDir, type FormatCache, type FormatCacheLimits } from "./format-cache.js";
export { planWrite, type PlannedFile, type WriteAction, type WritePlan } from "./plan.js";
export { applyPlan, type ApplyOptions, type ApplyResult, type ApplyStep, type WriteSummary } from "./apply.js";
export { checkPlan, type CheckResult, type DriftEntry, type DriftKind } from "./check.js";
export { MANIFEST_NAME, unsafePathReason } from "./paths.js";
export { serializeManifest, readManifest, type Manifest } from "./manifest.js";
