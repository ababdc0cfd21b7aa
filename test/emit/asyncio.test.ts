/**
 * The flagship spec through the real front half of the pipeline (load, model, lifecycles),
 * then emit: the output compiles under tsc 7 with the strict flags and its stub tests pass.
 */

import { beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/api/load-model.js";
import { emitSpec } from "../../src/emit/index.js";
import { REPO_ROOT, runTsc, runVitest, writeProject } from "./project.js";

/** Stand-ins for the user's transport types that the spec imports from "./transports.js". */
const TRANSPORTS = {
  path: "src/transports.ts",
  content: ["BaseTransport", "Transport", "DatagramTransport", "SubprocessTransport", "ReadTransport", "WriteTransport"]
    .map((name) => `export interface ${name} {\n  close(): void;\n}\n`)
    .join(""),
};

let dir = "";

beforeAll(async () => {
  const loaded = await loadModel(`${REPO_ROOT}specs/asyncio.yaml`, "specs/asyncio.yaml");
  expect(loaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const result = await emitSpec(loaded.model!, { tests: "vitest" });
  expect(result.diagnostics).toEqual([]);
  dir = await writeProject([...result.files, TRANSPORTS]);
});

describe("asyncio spec, emitted", () => {
  it("compiles under tsc 7 with the strict flags", () => {
    const result = runTsc(dir, false);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("passes its own generated stub tests", () => {
    const result = runVitest(dir);
    expect(result.status, result.output).toBe(0);
    expect(result.report?.numFailedTests).toBe(0);
    expect(result.report?.numPassedTests).toBeGreaterThan(0);
  });
});
