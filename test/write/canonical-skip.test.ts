/**
 * Files the emit stage certified as canonical skip Prettier only when the user's Prettier
 * options are the defaults; any option that changes the layout, or --always-format, formats them.
 * The test content is deliberately NOT in Prettier's form, so a skipped file is visible as such.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as prettier from "prettier";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { formatFiles } from "../../src/write/index.js";
import { tempDir } from "./helpers/tree.js";

vi.mock("prettier", async (importOriginal) => {
  const actual = await importOriginal<typeof import("prettier")>();
  return { ...actual, format: vi.fn(actual.format), resolveConfig: vi.fn(actual.resolveConfig) };
});
const formatSpy = vi.mocked(prettier.format);
const resolveSpy = vi.mocked(prettier.resolveConfig);
beforeEach(() => {
  formatSpy.mockClear();
  resolveSpy.mockClear();
});

const UGLY_TS = "export const a = {x:1}\n";
const FORMATTED_TS = "export const a = { x: 1 };\n";
const certified = { path: "src/a.ts", content: UGLY_TS, parser: "typescript" as const, canonical: true };
const plain = { path: "src/b.ts", content: UGLY_TS, parser: "typescript" as const };

async function outDir(files: Record<string, string> = {}): Promise<string> {
  const root = await tempDir();
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  const out = join(root, "generated", "spec");
  await mkdir(out, { recursive: true });
  return out;
}

describe("certified canonical files", () => {
  it("are kept as rendered, without asking Prettier anything, when no config file is in sight", async () => {
    const result = await formatFiles([certified, plain], { cwdForConfig: await outDir() });
    expect(result.files.map((f) => f.content)).toEqual([UGLY_TS, FORMATTED_TS]);
    expect(result.stats.canonical).toBe(1);
    expect(formatSpy).toHaveBeenCalledTimes(1);
    // Only the uncertified file needed Prettier's options.
    expect(resolveSpy).toHaveBeenCalledTimes(1);
  });

  it("are kept when the config found only restates defaults", async () => {
    const out = await outDir({ ".prettierrc": JSON.stringify({ printWidth: 80, semi: true, endOfLine: "crlf" }) });
    const result = await formatFiles([certified], { cwdForConfig: out });
    expect(result.files[0]!.content).toBe(UGLY_TS);
    expect(result.stats.canonical).toBe(1);
    expect(resolveSpy).toHaveBeenCalled();
    expect(formatSpy).not.toHaveBeenCalled();
  });

  it.each([
    [".prettierrc", JSON.stringify({ semi: false }), "export const a = { x: 1 }\n"],
    [".prettierrc", JSON.stringify({ bracketSpacing: false }), "export const a = {x: 1};\n"],
    [".editorconfig", "root = true\n[*]\nindent_style = tab\n", FORMATTED_TS],
    ["package.json", JSON.stringify({ name: "p", prettier: { tabWidth: 4 } }), FORMATTED_TS],
  ])("are formatted when %s sets options: %s", async (name, text, expected) => {
    const result = await formatFiles([certified], { cwdForConfig: await outDir({ [name]: text }) });
    expect(result.stats.canonical).toBe(0);
    expect(result.files[0]!.content).toBe(expected);
    expect(formatSpy).toHaveBeenCalledTimes(1);
  });

  it("are formatted with alwaysFormat, giving Prettier's output", async () => {
    const result = await formatFiles([certified], { cwdForConfig: await outDir(), alwaysFormat: true });
    expect(result.stats.canonical).toBe(0);
    expect(result.files[0]!.content).toBe(FORMATTED_TS);
  });
});
