/**
 * `generate` parses each rendered TypeScript file once: the emit stage leaves the syntax check
 * to the format step (see EmitOptions.checkSyntax). A template that renders code that does
 * not parse must still be PSK4002 naming the template file and line, with nothing written,
 * exactly as when the emit stage parses it itself.
 */

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/api/generate.js";
import { emitSpec } from "../../src/emit/index.js";
import { loadModel } from "../../src/api/load-model.js";

const SPEC = fileURLToPath(new URL("../../specs/asyncio.yaml", import.meta.url));
const BUILTIN = fileURLToPath(new URL("../../templates/", import.meta.url));
let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A templates folder whose `_interface-member.ts.eta` renders `=>>` (not TypeScript) on its line 3. */
function brokenTemplates(): string {
  dir = mkdtempSync(join(tmpdir(), "protoskel-single-parse-"));
  const original = readFileSync(join(BUILTIN, "_interface-member.ts.eta"), "utf8");
  // The member line itself is laid out by it.layout, so the broken line is an added static one.
  const broken = `${original.replace(/\n?$/, "\n")}  broken =>>;\n`;
  expect(broken).not.toBe(original);
  writeFileSync(join(dir, "_interface-member.ts.eta"), broken);
  return dir;
}

describe("a rendered file that does not parse, found by the format step", () => {
  it("is PSK4002 naming the template line, once, and nothing is written", async () => {
    const templatesDir = brokenTemplates();
    const outDir = join(templatesDir, "out");
    const result = await generate({ specs: [{ path: SPEC, displayName: "asyncio.yaml" }], outDir, templatesDir, cache: false });
    const codes = result.diagnostics.map((d) => d.code);
    // The partial is used by every family: one diagnostic for its position, not one per file.
    expect(codes).toEqual(["PSK4002"]);
    const [d] = result.diagnostics;
    expect(d!.message).toMatch(/^template _interface-member\.ts\.eta, line 3 rendered src\/\w+\.ts, which does not parse: /);
    expect(d!.message).not.toMatch(/\(\d+:\d+\)/);
    expect(d!.location).toMatchObject({ file: join(templatesDir, "_interface-member.ts.eta"), line: 3 });
    expect(existsSync(outDir)).toBe(false);
  });

  it("gives the same diagnostic as the emit stage's own check", async () => {
    const templatesDir = brokenTemplates();
    const loaded = await loadModel(SPEC, "asyncio.yaml");
    const own = await emitSpec(loaded.model!, { tests: "vitest", templatesDir });
    const viaFormat = await generate({ specs: [{ path: SPEC, displayName: "asyncio.yaml" }], outDir: join(templatesDir, "out"), templatesDir, cache: false });
    expect(viaFormat.diagnostics).toEqual(own.diagnostics);
  });
});
