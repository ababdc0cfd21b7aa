import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { isDefaultPrettierOptions, noPrettierConfigAbove, PRETTIER_DEFAULTS } from "../../src/write/prettier-defaults.js";
import { canonicalLayoutApplies, installedPrettierVersion, VERIFIED_PRETTIER_VERSION } from "../../src/emit/canonical/verified-with.js";
import { tempDir } from "./helpers/tree.js";

describe("isDefaultPrettierOptions", () => {
  it("lists Prettier's real option names and defaults", async () => {
    const info = await prettier.getSupportInfo();
    const documented = new Map(info.options.map((o) => [o.name, o.default]));
    for (const [name, value] of Object.entries(PRETTIER_DEFAULTS)) {
      expect(documented.has(name), name).toBe(true);
      expect(value, name).toEqual(documented.get(name));
    }
    expect(isDefaultPrettierOptions({ printWidth: 80, tabWidth: 2, trailingComma: "all", proseWrap: "preserve" })).toBe(true);
  });

  it("treats any layout change, unknown key or plugin as not default; line endings and $schema do not matter", () => {
    expect(isDefaultPrettierOptions({})).toBe(true);
    expect(isDefaultPrettierOptions({ endOfLine: "crlf", $schema: "x", plugins: [] })).toBe(true);
    expect(isDefaultPrettierOptions({ printWidth: 100 })).toBe(false);
    expect(isDefaultPrettierOptions({ singleQuote: true })).toBe(false);
    expect(isDefaultPrettierOptions({ proseWrap: "always" })).toBe(false);
    expect(isDefaultPrettierOptions({ plugins: ["prettier-plugin-x"] })).toBe(false);
    expect(isDefaultPrettierOptions({ someFutureOption: true })).toBe(false);
  });
});

describe("noPrettierConfigAbove", () => {
  async function tree(files: Record<string, string>): Promise<string> {
    const root = await tempDir();
    const deep = join(root, "a", "b");
    await mkdir(deep, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
    return join(deep, "not-created-yet");
  }

  it("is true with no config file above, even for a folder that does not exist yet", async () => {
    expect(noPrettierConfigAbove(await tree({}))).toBe(true);
    expect(noPrettierConfigAbove(await tree({ "package.json": JSON.stringify({ name: "x" }) }))).toBe(true);
  });

  it.each([".prettierrc", ".prettierrc.yaml", "prettier.config.mjs", ".editorconfig"])("is false with %s above", async (name) => {
    expect(noPrettierConfigAbove(await tree({ [name]: "{}" }))).toBe(false);
  });

  it("is false for a package.json with a prettier key, or one that cannot be read", async () => {
    expect(noPrettierConfigAbove(await tree({ "package.json": JSON.stringify({ prettier: {} }) }))).toBe(false);
    expect(noPrettierConfigAbove(await tree({ "package.json": "{ broken" }))).toBe(false);
  });
});

describe("the Prettier release the canonical layout was proved against", () => {
  it("is the installed one (after a Prettier upgrade, rerun test/emit/canonical-* and update the constant)", () => {
    expect(installedPrettierVersion()).toBe(prettier.version);
    expect(VERIFIED_PRETTIER_VERSION).toBe(prettier.version);
    expect(canonicalLayoutApplies()).toBe(true);
  });
});
