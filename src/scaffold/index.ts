/**
 * Scaffolding user implementations of generated families: `scaffoldClass` writes a new class
 * and its conformance tests; `updateClass` adds the callbacks an existing class lacks. Only the
 * scaffold command imports this (lazily); `updateClass` loads ts-morph when it runs.
 */

export { scaffoldClass, type ScaffoldOptions, type ScaffoldResult, type ScaffoldedFile } from "./create.js";
export { updateClass, type UpdateOptions, type UpdateResult } from "./update.js";
export type { TestRunner } from "./test-file.js";
