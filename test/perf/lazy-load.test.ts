/**
 * ts-morph (with the TypeScript it bundles) takes most of a second to load; `generate` and
 * `check` must not pay for it. The built CLI runs as a user runs it, with a preload that
 * records every module the process loads: ESM through a `module.register()` resolve hook,
 * CommonJS through `require.cache` at exit (CommonJS `require()` calls bypass ESM hooks on
 * Node 20). `scaffold --update` must load ts-morph, so the recording is shown to see it.
 * Likewise `validate` of a spec whose types are all everyday ones must not load the TypeScript
 * parser bundled with Prettier (see src/spec/fast-type-parser.ts); a `keyof` type must.
 * And a valid spec and config are checked without zod (src/spec/json-schema-check.ts); a
 * broken spec loads zod for its diagnostics.
 */

import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const SPEC = fileURLToPath(new URL("../../specs/asyncio.yaml", import.meta.url));
/** ts-morph, its bundled TypeScript (@ts-morph/common) and the typescript package. */
const HEAVY = /\/node_modules\/(ts-morph|@ts-morph\/[^/]+|typescript)\//;
/** The TypeScript parser bundled with Prettier (900 kB), which the fast type path avoids. */
const PRETTIER_TS_PARSER = /\/node_modules\/prettier\/(plugins\/typescript|parser-typescript)\.m?js$/;
/** zod, which only specs and configs that the fast schema check is not sure of need. */
const ZOD = /\/node_modules\/zod\//;
/** Folders with a valid and a broken config, kept apart so that the other cases run without one. */
const CONFIG_DIR = "with-config";
const BROKEN_CONFIG_DIR = "with-broken-config";
/** The asyncio spec with its name missing: the fast check is not sure, so zod must report it. */
const BROKEN_SPEC = () => readFileSync(SPEC, "utf8").replace(/^name: .*\n/m, "");

/** A valid spec with one type outside the fast type path's subset (`keyof`). */
const KEYOF_SPEC = `protoskel: 1
name: keyof-spec
summary: One type only the full TypeScript parser reads.
types:
  Options: { interface: { verbose: "boolean" } }
families:
  Listener:
    summary: Listens.
    callbacks:
      option_changed: { doc: Called when an option changes., params: [{ name: key, type: "keyof Options" }] }
`;

const HOOKS = `
import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(process.env.PROTOSKEL_LOAD_LOG, result.url + "\\n");
  return result;
}
`;
const PRELOAD = `
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";
register(new URL("./hooks.mjs", import.meta.url));
const require = createRequire(import.meta.url);
process.on("exit", () => appendFileSync(process.env.PROTOSKEL_LOAD_LOG, Object.keys(require.cache).join("\\n") + "\\n"));
`;

let dir: string;

beforeAll(() => {
  expect(existsSync(CLI), "dist/cli.js: run `npm run build` first").toBe(true);
  dir = mkdtempSync(join(tmpdir(), "protoskel-lazy-"));
  copyFileSync(SPEC, join(dir, "spec.yaml"));
  writeFileSync(join(dir, "hooks.mjs"), HOOKS);
  writeFileSync(join(dir, "preload.mjs"), PRELOAD);
  writeFileSync(join(dir, "keyof.yaml"), KEYOF_SPEC);
  mkdirSync(join(dir, CONFIG_DIR));
  copyFileSync(SPEC, join(dir, CONFIG_DIR, "spec.yaml"));
  writeFileSync(join(dir, CONFIG_DIR, "broken.yaml"), BROKEN_SPEC());
  writeFileSync(join(dir, CONFIG_DIR, "protoskel.config.json"), `${JSON.stringify({ specs: ["spec.yaml"], outDir: "generated", emit: { tests: "vitest" }, cache: false })}\n`);
  mkdirSync(join(dir, BROKEN_CONFIG_DIR));
  copyFileSync(SPEC, join(dir, BROKEN_CONFIG_DIR, "spec.yaml"));
  writeFileSync(join(dir, BROKEN_CONFIG_DIR, "protoskel.config.json"), `${JSON.stringify({ specs: [], emit: { tests: "jest" } })}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with the recording preload; returns every module URL or path it loaded. */
function loadedBy(name: string, args: readonly string[], options: { cwd?: string; expectFailure?: boolean } = {}): Promise<string[]> {
  const log = join(dir, `${name}.log`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", pathToFileURL(join(dir, "preload.mjs")).href, CLI, ...args],
      { cwd: options.cwd ?? dir, env: { ...process.env, PROTOSKEL_LOAD_LOG: log, NO_COLOR: "1" } },
      (error, _stdout, stderr) => {
        if ((error !== null) !== (options.expectFailure === true)) reject(new Error(`protoskel ${args.join(" ")} ${error ? "failed" : "succeeded"}: ${stderr}`));
        else resolve(readFileSync(log, "utf8").split("\n").filter((line) => line !== ""));
      },
    );
  });
}

describe("heavy modules load only where needed", () => {
  it("generate loads neither ts-morph nor typescript", async () => {
    const loaded = await loadedBy("generate", ["generate", "spec.yaml", "--out", "out", "--no-cache"]);
    expect(loaded.some((m) => m.includes("/dist/api/generate.js")), "the recording sees the pipeline").toBe(true);
    expect(loaded.some((m) => m.includes("/node_modules/prettier/")), "the recording sees dependencies").toBe(true);
    expect(loaded.filter((m) => HEAVY.test(m))).toEqual([]);
  }, 60_000);

  it("generate of certified output under default Prettier options loads neither Prettier's core and parsers nor yargs", async () => {
    const loaded = await loadedBy("generate-canonical", ["generate", "spec.yaml", "--out", "out-canonical", "--no-cache"]);
    expect(loaded.some((m) => m.includes("/node_modules/prettier/doc.mjs")), "the recording sees the layout printer").toBe(true);
    expect(loaded.filter((m) => /\/node_modules\/prettier\/(index\.mjs|plugins\/)|\/node_modules\/yargs\//.test(m))).toEqual([]);
  }, 60_000);

  it("generate --always-format does load Prettier (the recording would see it)", async () => {
    const loaded = await loadedBy("generate-always", ["generate", "spec.yaml", "--out", "out-always", "--no-cache", "--always-format"]);
    expect(loaded.some((m) => m.includes("/node_modules/prettier/index.mjs"))).toBe(true);
  }, 60_000);

  it("check loads neither ts-morph nor typescript", async () => {
    const loaded = await loadedBy("check", ["check", "spec.yaml", "--out", "out"]);
    expect(loaded.some((m) => m.includes("/dist/api/generate.js"))).toBe(true);
    expect(loaded.filter((m) => HEAVY.test(m))).toEqual([]);
  }, 60_000);

  it("validate reads every asyncio type without Prettier's TypeScript parser", async () => {
    const loaded = await loadedBy("validate", ["validate", "spec.yaml"]);
    expect(loaded.some((m) => m.includes("/dist/spec/fast-type-parser.js")), "the recording sees type parsing").toBe(true);
    expect(loaded.filter((m) => PRETTIER_TS_PARSER.test(m))).toEqual([]);
  }, 60_000);

  it("validate does load Prettier's TypeScript parser for a type outside the fast path (the recording would see it)", async () => {
    const loaded = await loadedBy("validate-keyof", ["validate", "keyof.yaml"]);
    expect(loaded.some((m) => PRETTIER_TS_PARSER.test(m))).toBe(true);
  }, 60_000);

  it("generate with a config file checks the spec and the config without loading zod", async () => {
    const cwd = join(dir, CONFIG_DIR);
    const loaded = await loadedBy("generate-config", ["generate", "spec.yaml", "--out", "out", "--no-cache"], { cwd });
    expect(loaded.some((m) => m.includes("/dist/spec/json-schema-check.js")), "the recording sees the fast schema check").toBe(true);
    expect(loaded.filter((m) => ZOD.test(m))).toEqual([]);
  }, 60_000);

  it("the same generate with a broken config does load zod for its diagnostics (so the config above was read)", async () => {
    const cwd = join(dir, BROKEN_CONFIG_DIR);
    const loaded = await loadedBy("generate-broken-config", ["generate", "spec.yaml", "--out", "out", "--no-cache"], { cwd, expectFailure: true });
    expect(loaded.some((m) => ZOD.test(m))).toBe(true);
  }, 60_000);

  it("generate of a broken spec does load zod for its diagnostics (the recording would see it)", async () => {
    const cwd = join(dir, CONFIG_DIR);
    const loaded = await loadedBy("generate-broken", ["generate", "broken.yaml", "--out", "out-broken", "--no-cache"], { cwd, expectFailure: true });
    expect(loaded.some((m) => ZOD.test(m))).toBe(true);
  }, 60_000);

  it("scaffold --update does load ts-morph (the recording would see it)", async () => {
    await loadedBy("scaffold", ["scaffold", "Protocol", "MyProtocol", "--spec", "spec.yaml", "--out", "out", "--dir", "impl"]);
    const loaded = await loadedBy("update", ["scaffold", "Protocol", "MyProtocol", "--spec", "spec.yaml", "--out", "out", "--dir", "impl", "--update"]);
    expect(loaded.some((m) => /\/node_modules\/ts-morph\//.test(m))).toBe(true);
  }, 60_000);
});
