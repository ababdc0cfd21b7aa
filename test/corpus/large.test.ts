/**
 * The two corpus cases too big to commit, made at test time: a huge file (refused before
 * parsing, PSK1003) and a valid 10,000-callback spec (loads, every callback resolved).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec } from "../../src/index.js";
import { emitSpec } from "../../src/emit/index.js";
import { MAX_SPEC_BYTES } from "../../src/spec/read.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protoskel-large-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("large inputs", () => {
  it("a file over the size limit is PSK1003 at 1:1, without being parsed", async () => {
    const path = join(dir, "huge.yaml");
    await writeFile(path, `protoskel: 1\nname: huge\nsummary: s\ndoc: "${"x".repeat(MAX_SPEC_BYTES)}"\nfamilies: {}\n`);
    const result = await loadSpec(path, dir);
    expect(result.model).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([["PSK1003", 1, 1]]);
  });

  it("a 10,000-callback spec loads and emits (100 families × 100 callbacks, with lifecycles)", async () => {
    const lines = ["protoskel: 1", "name: big", "summary: Ten thousand callbacks.", "families:"];
    for (let f = 0; f < 100; f++) {
      lines.push(`  Family${f}:`, `    summary: Family ${f}.`, "    callbacks:");
      for (let c = 0; c < 100; c++) lines.push(`      on_event_${c}: { doc: "Event ${c} of family ${f}.", params: [{ name: payload, type: "Uint8Array | null" }] }`);
      lines.push("    lifecycle:", `      order: "start -> on_event_0 [-> (${Array.from({ length: 98 }, (_, i) => `on_event_${i + 1}`).join(" | ")})*] -> on_event_99 -> end"`);
    }
    const path = join(dir, "big.yaml");
    await writeFile(path, `${lines.join("\n")}\n`);
    const result = await loadSpec(path, dir);
    expect(result.diagnostics).toEqual([]);
    expect(result.model!.families.reduce((n, f) => n + f.callbacks.length, 0)).toBe(10_000);
    const emitted = await emitSpec(result.model!, { tests: "vitest" });
    expect(emitted.diagnostics).toEqual([]);
    expect(emitted.files.filter((f) => f.path.startsWith("src/")).length).toBe(100 + 3);
  }, 120_000);
});
