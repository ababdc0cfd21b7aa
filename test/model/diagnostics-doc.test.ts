import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../src/diagnostics/codes.js";

describe("docs/diagnostics.md", () => {
  const doc = readFileSync(new URL("../../docs/diagnostics.md", import.meta.url), "utf8");
  it("documents every code with its title (regenerate with scripts/diagnostics-doc.mjs)", () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(doc, code).toContain(`| ${code} | ${info.title.replace(/\|/g, "\\|")} |`);
    }
  });
  it("documents no code that does not exist", () => {
    const documented = [...doc.matchAll(/\| (PSK\d{4}) \|/g)].map((m) => m[1]);
    expect(documented.filter((c) => !(c! in DIAGNOSTIC_CODES))).toEqual([]);
  });
});
