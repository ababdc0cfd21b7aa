/**
 * Whether Prettier would use its default options for the files of an output folder. Files the
 * emit stage certified as canonical (already in Prettier's default form) skip Prettier only
 * then. The common case, no Prettier or EditorConfig file anywhere above the folder, is
 * answered from the file system without loading Prettier.
 */

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Every file name Prettier 3 reads its options from, plus `.editorconfig` (we resolve with `editorconfig: true`). */
const CONFIG_NAMES = new Set([
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json5",
  ".prettierrc.toml",
  ".prettierrc.js",
  ".prettierrc.mjs",
  ".prettierrc.cjs",
  ".prettierrc.ts",
  ".prettierrc.mts",
  ".prettierrc.cts",
  "prettier.config.js",
  "prettier.config.mjs",
  "prettier.config.cjs",
  "prettier.config.ts",
  "prettier.config.mts",
  "prettier.config.cts",
  "package.yaml",
  ".editorconfig",
]);

/**
 * True when no file that could set Prettier options exists in `dir` or any folder above it
 * (a `package.json` counts only with a `prettier` key). False means "ask Prettier".
 */
export function noPrettierConfigAbove(dir: string): boolean {
  for (let current = resolve(dir); ; current = dirname(current)) {
    let names: string[];
    try {
      names = readdirSync(current);
    } catch {
      names = []; // not created yet (the output folder) or unreadable: nothing to find there
    }
    for (const name of names) {
      if (CONFIG_NAMES.has(name)) return false;
      if (name === "package.json" && packageJsonHasPrettierKey(join(current, name))) return false;
    }
    if (dirname(current) === current) return true;
  }
}

function packageJsonHasPrettierKey(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    return parsed !== null && typeof parsed === "object" && "prettier" in parsed;
  } catch {
    return true; // unreadable or broken: let Prettier decide (and report)
  }
}

/** Prettier 3's defaults for every option that affects TypeScript or Markdown output. */
export const PRETTIER_DEFAULTS: Readonly<Record<string, unknown>> = {
  printWidth: 80,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  jsxSingleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  bracketSameLine: false,
  objectWrap: "preserve",
  arrowParens: "always",
  proseWrap: "preserve",
  embeddedLanguageFormatting: "auto",
  singleAttributePerLine: false,
  experimentalTernaries: false,
  experimentalOperatorPosition: "end",
  htmlWhitespaceSensitivity: "css",
  vueIndentScriptAndStyle: false,
};

/** Keys that never change our output: line endings are forced to LF, and the schema link is metadata. */
const IGNORED = new Set(["endOfLine", "$schema"]);

/**
 * Whether options resolved by `prettier.resolveConfig` amount to the defaults. Unknown keys
 * (a plugin's options, for instance) count as changes: when unsure, format.
 */
export function isDefaultPrettierOptions(resolved: Readonly<Record<string, unknown>>): boolean {
  for (const [key, value] of Object.entries(resolved)) {
    if (IGNORED.has(key) || value === undefined) continue;
    if (key === "plugins" && Array.isArray(value) && value.length === 0) continue;
    if (!(key in PRETTIER_DEFAULTS) || PRETTIER_DEFAULTS[key] !== value) return false;
  }
  return true;
}
