import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as prettier from "prettier";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatCacheDir, formatFiles, openFormatCache } from "../../src/write/index.js";
import { ts } from "./helpers/files.js";
import { syntheticOutput } from "./helpers/synthetic-output.js";
import { tempDir } from "./helpers/tree.js";

// Spy on Prettier's `format` while keeping its behaviour, to see when it really runs.
vi.mock("prettier", async (importOriginal) => {
  const actual = await importOriginal<typeof import("prettier")>();
  return { ...actual, format: vi.fn(actual.format) };
});
const formatSpy = vi.mocked(prettier.format);
beforeEach(() => {
  formatSpy.mockClear();
});

const UNFORMATTED = [
  ts("src/a.ts", "export const a = {x:1,y:'two'}\n"),
  { path: "docs/README.md", content: "# Title\n* one\n* two\n", parser: "markdown" as const },
  { path: "data.json", content: '{"b":1,\n"a":[1,2]}', parser: "json" as const },
];

async function project(prettierrc?: object): Promise<{ root: string; out: string }> {
  const root = await tempDir();
  const out = join(root, "generated", "asyncio");
  await mkdir(out, { recursive: true });
  if (prettierrc) await writeFile(join(root, ".prettierrc"), JSON.stringify(prettierrc));
  return { root, out };
}

describe("formatFiles", () => {
  it("formats every parser, in input order", async () => {
    const { out } = await project();
    const result = await formatFiles(UNFORMATTED, { cwdForConfig: out });
    expect(result.diagnostics).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(UNFORMATTED.map((f) => f.path));
    expect(result.files[0]!.content).toBe('export const a = { x: 1, y: "two" };\n');
    expect(result.files[1]!.content).toBe("# Title\n\n- one\n- two\n");
    expect(result.files[2]!.content).toBe('{ "b": 1, "a": [1, 2] }\n');
  });

  it("honours the user's Prettier config", async () => {
    const { out } = await project({ semi: false, singleQuote: true });
    const result = await formatFiles(UNFORMATTED, { cwdForConfig: out });
    expect(result.files[0]!.content).toBe("export const a = { x: 1, y: 'two' }\n");
  });

  it("always ends lines with LF, whatever the config and the input", async () => {
    const { out } = await project({ endOfLine: "crlf" });
    const result = await formatFiles([ts("src/a.ts", "const a = 1;\r\nconst b = `x\r\ny`;\r\n")], { cwdForConfig: out });
    expect(result.files[0]!.content).toBe("const a = 1;\nconst b = `x\ny`;\n");
  });

  it("reports a file Prettier cannot parse as PSK4004 naming the file, and formats the others", async () => {
    const { out } = await project();
    const result = await formatFiles([ts("src/broken.ts", "export class {\n"), ...UNFORMATTED], { cwdForConfig: out });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["PSK4004"]);
    expect(result.diagnostics[0]!.message).toContain("src/broken.ts");
    expect(result.files.map((f) => f.path)).toEqual(UNFORMATTED.map((f) => f.path));
  });

  it("passes filepath to Prettier (without it Prettier is quadratic on large files)", async () => {
    const { out } = await project();
    await formatFiles([UNFORMATTED[0]!], { cwdForConfig: out });
    expect(formatSpy.mock.calls[0]![1]).toMatchObject({ filepath: join(out, "src", "a.ts"), endOfLine: "lf" });
  });
});

describe("format cache", () => {
  it("serves a repeated run from the cache without calling Prettier", async () => {
    const { root, out } = await project();
    const first = await openFormatCache(root);
    const cold = await formatFiles(UNFORMATTED, { cwdForConfig: out, cache: first });
    expect(formatSpy).toHaveBeenCalledTimes(UNFORMATTED.length);
    await first.save();

    formatSpy.mockClear();
    const warm = await formatFiles(UNFORMATTED, { cwdForConfig: out, cache: await openFormatCache(root) });
    expect(formatSpy).not.toHaveBeenCalled();
    expect(warm.files).toEqual(cold.files);
    expect(warm.stats).toMatchObject({ cacheHits: UNFORMATTED.length, formatted: 0 });
  });

  it("is bypassed when no cache is passed (--no-cache)", async () => {
    const { root, out } = await project();
    const cache = await openFormatCache(root);
    await formatFiles(UNFORMATTED, { cwdForConfig: out, cache });
    await cache.save();
    formatSpy.mockClear();
    await formatFiles(UNFORMATTED, { cwdForConfig: out });
    expect(formatSpy).toHaveBeenCalledTimes(UNFORMATTED.length);
  });

  it("misses when the Prettier options change, so a config change takes effect", async () => {
    const { root, out } = await project();
    const cache = await openFormatCache(root);
    await formatFiles(UNFORMATTED, { cwdForConfig: out, cache });
    await writeFile(join(root, ".prettierrc"), JSON.stringify({ semi: false }));
    formatSpy.mockClear();
    const result = await formatFiles(UNFORMATTED, { cwdForConfig: out, cache });
    expect(formatSpy).toHaveBeenCalledTimes(UNFORMATTED.length);
    expect(result.files[0]!.content).not.toContain(";");
  });

  it("ignores a corrupt cache file", async () => {
    const { root, out } = await project();
    await mkdir(formatCacheDir(root), { recursive: true });
    await writeFile(join(formatCacheDir(root), "format-cache.json"), '{"version":1,"entries":[["k"');
    const result = await formatFiles(UNFORMATTED, { cwdForConfig: out, cache: await openFormatCache(root) });
    expect(result.diagnostics).toEqual([]);
    expect(result.stats.cacheHits).toBe(0);
  });

  it("stays within its entry bound, keeping the entries of the latest run", async () => {
    const { root, out } = await project();
    const cache = await openFormatCache(root, { maxEntries: 2 });
    await formatFiles(UNFORMATTED, { cwdForConfig: out, cache });
    await cache.save();
    const stored = JSON.parse(await readFile(join(formatCacheDir(root), "format-cache.json"), "utf8"));
    expect(stored.entries).toHaveLength(2);
  });
});

describe("parallel formatting", () => {
  it("gives the same bytes in the same order with worker threads as without", async () => {
    const { out } = await project({ printWidth: 100 });
    const files = syntheticOutput(12, 4);
    const serial = await formatFiles(files, { cwdForConfig: out, workers: 0 });
    const parallel = await formatFiles(files, { cwdForConfig: out, workers: 2 });
    expect(parallel.stats.workers).toBe(2);
    expect(parallel.diagnostics).toEqual([]);
    expect(parallel.files).toEqual(serial.files);
    // The workers really did part of the work: the spy only sees calls on this thread.
    expect(formatSpy.mock.calls.length).toBeLessThan(files.length * 2);
  });

  it("keeps small batches on one thread", async () => {
    const { out } = await project();
    const result = await formatFiles(UNFORMATTED, { cwdForConfig: out });
    expect(result.stats.workers).toBe(0);
  });
});
