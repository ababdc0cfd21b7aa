/**
 * The spec arbitrary itself: every spec it makes must load without an error, or the other
 * properties would be testing diagnostics instead of output.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadModelFromText } from "../../src/api/load-model.js";
import { validSpec } from "../helpers/spec-arbitrary.js";

/** Runs of this property: loading is cheap (no formatting, no compiling). */
export const VALID_SPEC_RUNS = 100;

describe("generated specs", () => {
  it("load with no error diagnostics and keep every family", async () => {
    await fc.assert(
      fc.asyncProperty(validSpec(), async (spec) => {
        const result = await loadModelFromText(spec.text, "gen.yaml");
        const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.location?.line}:${d.location?.column} ${d.message}`);
        expect(errors, spec.text).toEqual([]);
        expect(result.model?.families.map((f) => f.name)).toEqual(spec.families);
      }),
      { numRuns: VALID_SPEC_RUNS },
    );
  });
});
