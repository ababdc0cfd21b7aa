/**
 * Every Mermaid diagram protoskel writes is checked with Mermaid's own parser (run under
 * jsdom, since Mermaid expects a DOM): the committed asyncio docs, and the docs of a spec
 * whose names and docs push at the diagram syntax.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { loadModelFromText } from "../../src/api/load-model.js";
import { emitSpec } from "../../src/emit/index.js";

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Mermaid;

beforeAll(async () => {
  const dom = new JSDOM("<!doctype html><html><body></body></html>");
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import("mermaid")).default as unknown as Mermaid;
}, 60_000);

function blocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

const SPEC = `protoskel: 1
name: odd
summary: Names and docs that push at the diagram syntax.
families:
  Base:
    summary: "A base: with --> arrows; and %% comments"
    callbacks:
      start_up: { doc: "Starts --> up." }
      end_it: { doc: "Ends; [*] here." }
      class_: { doc: "Named like a keyword." }
    lifecycle:
      aliases: { S: start_up, E: end_it, K: class_ }
      order: "start -> S [-> K*] -> E -> end"
  Derived:
    extends: Base
    summary: Derived.
    callbacks:
      note: { doc: "note left of x: y" }
    lifecycle:
      order: "start -> start_up [-> (class_ | note)*] -> end_it -> end"
`;

describe("Mermaid diagrams parse with Mermaid's parser", () => {
  it("the parser rejects broken diagrams (so a pass means something)", async () => {
    await expect(mermaid.parse("stateDiagram-v2\n  [*] --> s0 --> -->\n")).rejects.toThrow();
    await expect(mermaid.parse("classDiagram\n  A <|--\n")).rejects.toThrow();
  });

  it("in the committed asyncio docs", async () => {
    const dir = new URL("../../generated-examples/asyncio/docs/", import.meta.url).pathname;
    const all: string[] = [];
    for (const file of await readdir(dir)) all.push(...blocks(await readFile(join(dir, file), "utf8")));
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const text of all) await expect(mermaid.parse(text), text).resolves.toBeTruthy();
  }, 60_000);

  it("in docs generated from awkward names and docs", async () => {
    const { model, diagnostics } = await loadModelFromText(SPEC, "odd.yaml");
    expect(diagnostics).toEqual([]);
    const { files } = await emitSpec(model!, { tests: "vitest" });
    const all = files.filter((f) => f.parser === "markdown").flatMap((f) => blocks(f.content));
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const text of all) await expect(mermaid.parse(text), text).resolves.toBeTruthy();
  }, 60_000);
});
